import type { Audition } from '../../domain/audition.ts';
import { notFound } from '../../domain/errors.ts';
import type { AuditionRepository } from '../ports/audition-repository.ts';

export class GetAudition {
  private readonly auditions: AuditionRepository;
  constructor(auditions: AuditionRepository) {
    this.auditions = auditions;
  }

  async execute(input: { id: number }): Promise<Audition> {
    const audition = await this.auditions.findById(input.id);
    if (!audition) throw notFound('audition', input.id);
    return audition;
  }
}
