import type { ImportReport } from '../../domain/import-report.ts';
import type { Clock } from '../ports/clock.ts';
import type { ImportJobRepository } from '../ports/import-job-repository.ts';
import type { MovieImportStore } from '../ports/movie-import-store.ts';
import { CreateImportJob, type CreateImportJobInput } from './create-import-job.ts';
import { ImportMovies } from './import-movies.ts';

export interface RunImportInput extends CreateImportJobInput {
  records: AsyncIterable<unknown>; // parsed records; parser errors thrown while iterating
  signal?: AbortSignal; // aborted on shutdown: roll back and throw ImportInterruptedError
  /** Told the job's id as soon as it exists, before any row is read (HTTP answers it as Location). */
  started?: (jobId: number) => void;
}

export interface RunImportResult {
  jobId: number;
  report: ImportReport;
}

/**
 * One import from start to end, the same for POST /movies/import and `npm run import`:
 * registers the job, imports the records in one transaction, finishes the job. Throws what
 * ImportMovies throws (ImportRejectedError for a rejected atomic import), the job finished.
 */
export class RunImport {
  private readonly createJob: CreateImportJob;
  private readonly importMovies: ImportMovies;

  constructor(store: MovieImportStore, jobs: ImportJobRepository, clock: Clock) {
    this.createJob = new CreateImportJob(jobs, clock);
    this.importMovies = new ImportMovies(store, jobs, clock);
  }

  async execute(input: RunImportInput): Promise<RunImportResult> {
    const { mode, dryRun, records, signal } = input;
    const jobId = await this.createJob.execute({ mode, dryRun });
    input.started?.(jobId);
    const report = await this.importMovies.execute({ jobId, records, mode, dryRun, signal });
    return { jobId, report };
  }
}
