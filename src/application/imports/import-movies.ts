import { DomainError } from '../../domain/errors.ts';
import { ImportRejectedError } from '../../domain/import-errors.ts';
import type { ImportMode } from '../../domain/import-job.ts';
import { type ImportReport, ImportTally } from '../../domain/import-report.ts';
import type { Clock } from '../ports/clock.ts';
import type { ImportJobRepository } from '../ports/import-job-repository.ts';
import type { ImportBatchWriter, MovieImportStore } from '../ports/movie-import-store.ts';
import { ImportBatch } from './import-batch.ts';
import { mapMovieRecord } from './map-movie-record.ts';
import { untilAborted } from './until-aborted.ts';

export interface ImportMoviesInput {
  jobId: number; // from CreateImportJob
  records: AsyncIterable<unknown>; // parsed records; parser errors thrown while iterating
  mode: ImportMode;
  dryRun: boolean;
  signal?: AbortSignal; // aborted on shutdown: roll back and throw ImportInterruptedError
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
      if (!(error instanceof Rollback)) return this.fail(input.jobId, tally, error);
    }
    return this.finish(input, tally.report());
  }

  private async importAll(input: ImportMoviesInput, tx: ImportBatchWriter, tally: ImportTally): Promise<void> {
    const batch = new ImportBatch(tx, this.options.batchSize);
    for await (const record of untilAborted(input.records, input.signal)) {
      const row = tally.received();
      const mapped = mapMovieRecord(record, this.clock.now());
      let written = null;
      if ('problems' in mapped) tally.fail(row, mapped.problems);
      else written = await batch.add(mapped.movie);
      if (written) tally.stored(written);
      // Progress (and heartbeat) between batches, also when rows only fail.
      if (written || row % this.options.batchSize === 0) await this.progress(input.jobId, tally);
    }
    const written = await batch.flush();
    if (written) tally.stored(written);
  }

  private async progress(jobId: number, tally: ImportTally): Promise<void> {
    const { errors: _errors, ...counts } = tally.report();
    await this.jobs.recordProgress(jobId, counts, this.clock.now()).catch(() => undefined);
  }

  private async finish(input: ImportMoviesInput, report: ImportReport): Promise<ImportReport> {
    const rejected = input.mode === 'atomic' && report.failed > 0;
    const failure = rejected ? new ImportRejectedError(report) : null;
    const state = rejected ? 'failed' : 'succeeded';
    await this.jobs.finish(input.jobId, { state, report, failure: failure && describe(failure), finishedAt: this.clock.now() });
    if (failure) throw failure;
    return report;
  }

  private async fail(jobId: number, tally: ImportTally, error: unknown): Promise<never> {
    const end = { state: 'failed' as const, report: tally.report(), failure: describe(error), finishedAt: this.clock.now() };
    // The database may be the thing that failed; the heartbeat timeout then shows the job failed.
    await this.jobs.finish(jobId, end).catch(() => undefined);
    throw error;
  }
}

function describe(error: unknown): { code: string; message: string } {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  return { code: 'IMPORT_FAILED', message: 'the import failed; nothing was stored' };
}
