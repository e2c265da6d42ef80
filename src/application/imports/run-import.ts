import type { ImportCounts, ImportReport } from '../../domain/import-report.ts';
import type { Clock } from '../ports/clock.ts';
import type { ImportJobRepository } from '../ports/import-job-repository.ts';
import type { MovieRecord, UploadMeter } from '../ports/import-source.ts';
import type { MovieImportStore } from '../ports/movie-import-store.ts';
import { CreateImportJob, type CreateImportJobInput } from './create-import-job.ts';
import { ImportMovies } from './import-movies.ts';

export interface RunImportInput extends CreateImportJobInput {
  records: AsyncIterable<MovieRecord>; // read by the import adapter; parser errors thrown while iterating
  signal?: AbortSignal; // aborted on shutdown: roll back and throw ImportInterruptedError
  upload?: UploadMeter; // bytes read and size of the upload, shown as the job's progress
  progressed?: (counts: ImportCounts) => void; // told the counts at every progress report
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
    const { started, ...importing } = input;
    const { mode, dryRun, upload } = input;
    const jobId = await this.createJob.execute({ mode, dryRun, bytesTotal: upload?.bytesTotal ?? null });
    started?.(jobId);
    const report = await this.importMovies.execute({ jobId, ...importing });
    return { jobId, report };
  }
}
