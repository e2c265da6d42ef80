import type { ImportMode } from '../../domain/import-job.ts';
import type { Clock } from '../ports/clock.ts';
import type { ImportJobRepository } from '../ports/import-job-repository.ts';

export interface CreateImportJobInput {
  mode: ImportMode;
  dryRun: boolean;
  bytesTotal?: number | null; // the upload's size, when known
}

/** Registers an import as running and returns its id; call before ImportMovies.execute. */
export class CreateImportJob {
  private readonly jobs: ImportJobRepository;
  private readonly clock: Clock;

  constructor(jobs: ImportJobRepository, clock: Clock) {
    this.jobs = jobs;
    this.clock = clock;
  }

  execute(input: CreateImportJobInput): Promise<number> {
    const { mode, dryRun, bytesTotal = null } = input;
    return this.jobs.create({ mode, dryRun, bytesTotal, startedAt: this.clock.now() });
  }
}
