import { notFound } from '../../domain/errors.ts';
import { asObserved, type ImportJob, staleBefore } from '../../domain/import-job.ts';
import type { Clock } from '../ports/clock.ts';
import type { ImportJobRepository } from '../ports/import-job-repository.ts';
import { DEFAULT_IMPORT_SETTINGS, type ImportSettings } from '../ports/import-settings.ts';

/** GET /movies/import/:id — the job's state, counts and report; 404 when unknown. */
export class GetImportJob {
  private readonly jobs: ImportJobRepository;
  private readonly clock: Clock;
  private readonly staleAfterMs: number;

  constructor(jobs: ImportJobRepository, clock: Clock, settings: ImportSettings = DEFAULT_IMPORT_SETTINGS) {
    this.jobs = jobs;
    this.clock = clock;
    this.staleAfterMs = settings.staleAfterMs;
  }

  async execute(input: { id: number }): Promise<ImportJob> {
    const job = await this.jobs.findById(input.id);
    if (!job) throw notFound('import', input.id);
    return asObserved(job, staleBefore(this.clock.now(), this.staleAfterMs));
  }
}
