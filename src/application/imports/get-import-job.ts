import { notFound } from '../../domain/errors.ts';
import { asObserved, type ImportJob } from '../../domain/import-job.ts';
import type { Clock } from '../ports/clock.ts';
import type { ImportJobRepository } from '../ports/import-job-repository.ts';

/** A running job whose heartbeat is older than this is shown as failed (its worker died). */
export const DEFAULT_IMPORT_STALE_AFTER_MS = 60_000;

/** GET /movies/import/:id — the job's state, counts and report; 404 when unknown. */
export class GetImportJob {
  private readonly jobs: ImportJobRepository;
  private readonly clock: Clock;
  private readonly staleAfterMs: number;

  constructor(jobs: ImportJobRepository, clock: Clock, staleAfterMs = DEFAULT_IMPORT_STALE_AFTER_MS) {
    this.jobs = jobs;
    this.clock = clock;
    this.staleAfterMs = staleAfterMs;
  }

  async execute(input: { id: number }): Promise<ImportJob> {
    const job = await this.jobs.findById(input.id);
    if (!job) throw notFound('import', input.id);
    return asObserved(job, this.clock.now(), this.staleAfterMs);
  }
}
