import { notFound } from '../../domain/errors.ts';
import type { CastingRepository } from '../ports/casting-repository.ts';

export class UncastActor {
  private readonly castings: CastingRepository;
  constructor(castings: CastingRepository) {
    this.castings = castings;
  }

  async execute(input: { movieId: number; actorId: number }): Promise<void> {
    const removed = await this.castings.delete(input.movieId, input.actorId);
    if (!removed) throw notFound('casting', `${input.movieId}/${input.actorId}`);
  }
}
