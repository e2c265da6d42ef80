import { asObserved, type ImportJob, type ImportState, staleBefore } from '../../domain/import-job.ts';
import type { Clock } from '../ports/clock.ts';
import type { ImportJobRepository } from '../ports/import-job-repository.ts';
import { DEFAULT_IMPORT_SETTINGS, type ImportSettings } from '../ports/import-settings.ts';
import type { Page } from '../ports/paging.ts';

export interface ListImportJobsInput {
  state?: ImportState;
  page: number;
  limit: number;
}

/** GET /movies/import — imports newest first, so a client can find one that is still running. */
export class ListImportJobs {
  private readonly jobs: ImportJobRepository;
  private readonly clock: Clock;
  private readonly staleAfterMs: number;

  constructor(jobs: ImportJobRepository, clock: Clock, settings: ImportSettings = DEFAULT_IMPORT_SETTINGS) {
    this.jobs = jobs;
    this.clock = clock;
    this.staleAfterMs = settings.staleAfterMs;
  }

  async execute(input: ListImportJobsInput): Promise<Page<ImportJob>> {
    const before = staleBefore(this.clock.now(), this.staleAfterMs);
    const page = await this.jobs.list({ ...input, staleBefore: before });
    return { ...page, items: page.items.map((job) => asObserved(job, before)) };
  }
}
