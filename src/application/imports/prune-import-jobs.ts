import { staleBefore } from '../../domain/import-job.ts';
import type { Clock } from '../ports/clock.ts';
import type { ImportJobRepository } from '../ports/import-job-repository.ts';
import { DEFAULT_IMPORT_SETTINGS, type ImportSettings } from '../ports/import-settings.ts';

/**
 * The periodic sweep: deletes import jobs that ended longer ago than IMPORT_JOB_RETENTION —
 * finished ones, and abandoned ones (their server died) by their last heartbeat. The cutoff
 * is never later than the staleness limit, so a job still reporting progress is never
 * touched, however short the retention. One idempotent DELETE: several instances may sweep.
 */
export class PruneImportJobs {
  private readonly jobs: ImportJobRepository;
  private readonly clock: Clock;
  private readonly staleAfterMs: number;

  constructor(jobs: ImportJobRepository, clock: Clock, settings: ImportSettings = DEFAULT_IMPORT_SETTINGS) {
    this.jobs = jobs;
    this.clock = clock;
    this.staleAfterMs = settings.staleAfterMs;
  }

  execute(input: { retentionSeconds: number }): Promise<number> {
    const now = this.clock.now();
    const retained = new Date(now.getTime() - input.retentionSeconds * 1000);
    const alive = staleBefore(now, this.staleAfterMs);
    return this.jobs.prune(retained < alive ? retained : alive);
  }
}
