import { notFound } from '../../domain/errors.ts';
import type { CastingRepository, MovieWithCast } from '../ports/casting-repository.ts';

export type { MovieWithCast };

export class GetMovie {
  private readonly castings: CastingRepository;
  constructor(castings: CastingRepository) {
    this.castings = castings;
  }

  /** One read: this is the hottest route of the catalog. */
  async execute(input: { id: number }): Promise<MovieWithCast> {
    const found = await this.castings.movieWithCast(input.id);
    if (!found) throw notFound('movie', input.id);
    return found;
  }
}
