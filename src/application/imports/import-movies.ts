import { ImportRejectedError } from '../../domain/import-errors.ts';
import type { ImportMode } from '../../domain/import-job.ts';
import { type ImportCounts, type ImportReport, ImportTally } from '../../domain/import-report.ts';
import type { Clock } from '../ports/clock.ts';
import type { ImportJobRepository } from '../ports/import-job-repository.ts';
import type { MovieRecord, UploadMeter } from '../ports/import-source.ts';
import type { ImportBatchWriter, MovieImportStore } from '../ports/movie-import-store.ts';
import { ImportBatch } from './import-batch.ts';
import { importJobEnd } from './import-job-end.ts';
import { movieFromRecord } from './map-movie-record.ts';
import { untilAborted } from './until-aborted.ts';

export interface ImportMoviesInput {
  jobId: number; // from CreateImportJob
  records: AsyncIterable<MovieRecord>; // read by the import adapter; parser errors thrown while iterating
  mode: ImportMode;
  dryRun: boolean;
  signal?: AbortSignal; // aborted on shutdown: roll back and throw ImportInterruptedError
  upload?: UploadMeter; // bytes read of the upload, for the job's progress
  /** Told the counts so far at every progress report (the HTTP adapter's rows/s metric). */
  progressed?: (counts: ImportCounts) => void;
}

export interface ImportMoviesOptions {
  batchSize?: number; // rows per upsertBatch, default 1,000
  errorCap?: number; // row errors kept in the report, default 100
}

/** Thrown inside the transaction to undo a dry run or a rejected atomic import. */
class Rollback extends Error {}

/**
 * Runs one import in ONE store transaction (every mode), so a parse error, limit, database
 * failure or crash part-way leaves the catalog as it was. Dry runs and atomic imports with
 * invalid rows do all the work, then roll back: their counts say what would have happened.
 * Resolves with the report; throws ImportRejectedError (422) for a rejected atomic import
 * and rethrows anything the records or the store threw. The job is finished either way.
 */
export class ImportMovies {
  private readonly store: MovieImportStore;
  private readonly jobs: ImportJobRepository;
  private readonly clock: Clock;
  private readonly options: Required<ImportMoviesOptions>;

  constructor(store: MovieImportStore, jobs: ImportJobRepository, clock: Clock, options: ImportMoviesOptions = {}) {
    this.store = store;
    this.jobs = jobs;
    this.clock = clock;
    this.options = { batchSize: 1000, errorCap: 100, ...options };
  }

  async execute(input: ImportMoviesInput): Promise<ImportReport> {
    const tally = new ImportTally(this.options.errorCap);
    try {
      await this.store.transaction(async (tx) => {
        await this.importAll(input, tx, tally);
        if (input.dryRun || (input.mode === 'atomic' && tally.failed > 0)) throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) return this.fail(input, tally, error);
    }
    return this.finish(input, tally.report());
  }

  private async importAll(input: ImportMoviesInput, tx: ImportBatchWriter, tally: ImportTally): Promise<void> {
    const batch = new ImportBatch(tx, this.options.batchSize);
    for await (const record of untilAborted(input.records, input.signal)) {
      const row = tally.received();
      const mapped = movieFromRecord(record, this.clock.now());
      let written = null;
      if ('problems' in mapped) tally.fail(row, mapped.problems);
      else written = await batch.add(mapped.movie);
      if (written) tally.stored(written);
      // Progress (and heartbeat) between batches, also when rows only fail.
      if (written || row % this.options.batchSize === 0) await this.progress(input, tally);
    }
    const written = await batch.flush();
    if (written) tally.stored(written);
  }

  private async progress(input: ImportMoviesInput, tally: ImportTally): Promise<void> {
    const { errors: _errors, ...counts } = tally.report();
    input.progressed?.(counts);
    const progress = { counts, bytesRead: input.upload?.bytesRead() ?? 0, heartbeatAt: this.clock.now() };
    await this.jobs.recordProgress(input.jobId, progress).catch(() => undefined);
  }

  private async finish(input: ImportMoviesInput, report: ImportReport): Promise<ImportReport> {
    const rejected = input.mode === 'atomic' && report.failed > 0;
    const failure = rejected ? new ImportRejectedError(report) : null;
    await this.jobs.finish(input.jobId, importJobEnd(report, input.upload, failure, this.clock.now()));
    if (failure) throw failure;
    return report;
  }

  private async fail(input: ImportMoviesInput, tally: ImportTally, error: unknown): Promise<never> {
    const end = importJobEnd(tally.report(), input.upload, error, this.clock.now());
    // The database may be the thing that failed; the heartbeat timeout then shows the job failed.
    await this.jobs.finish(input.jobId, end).catch(() => undefined);
    throw error;
  }
}
