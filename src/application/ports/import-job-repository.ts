import type { ImportJob, ImportMode, ImportState } from '../../domain/import-job.ts';
import type { ImportCounts, ImportReport } from '../../domain/import-report.ts';
import type { Page } from './paging.ts';

export interface NewImportJob {
  mode: ImportMode;
  dryRun: boolean;
  startedAt: Date;
  /** The upload's size when known (Content-Length, a file's size), else null. */
  bytesTotal: number | null;
}

/** One progress report of a running import: its counts so far, the bytes read of its upload, its heartbeat. */
export interface ImportJobProgressReport {
  counts: ImportCounts;
  bytesRead: number;
  heartbeatAt: Date;
}

export interface ImportJobEnd {
  state: Exclude<ImportState, 'running'>;
  report: ImportReport;
  bytesRead: number;
  failure: { code: string; message: string } | null;
  finishedAt: Date;
}

export interface ImportJobQuery {
  state?: ImportState;
  /** For the state filter, a running job whose heartbeat is older than this is failed (see observedState). */
  staleBefore: Date;
  page: number; // from 1
  limit: number;
}

/**
 * Import jobs and their progress; the state lives in the database so any instance can show
 * it (GET /movies/import/:id).
 *
 * Contract for implementers:
 * - `create` stores a job in state 'running' with an empty report, no bytes read and
 *   `heartbeatAt = startedAt`, and returns its integer id. It is called before the import
 *   transaction opens.
 * - `recordProgress` is called by ImportMovies after every batch, WHILE the import's
 *   MovieImportStore transaction is open. It must not wait for that transaction to end
 *   (the import would deadlock) and should not be undone by its rollback:
 *     · PostgreSQL (pool): write on another pooled connection, autocommit — other
 *       instances then see progress live.
 *     · PGlite (one connection, which the import transaction holds): do NOT ask for a new
 *       connection/transaction (it would wait forever). Write through the context-bound
 *       EntityManager so the write joins the open transaction (MikroORM's transaction
 *       context does that inside `em.transactional`), or keep the progress in memory for
 *       that job and no-op. Either way readers on PGlite see the final state only; that
 *       is acceptable because PGlite serves a single instance.
 *   Treat it as best effort: its failures are ignored by the use case.
 * - `finish` is called after the transaction has committed or rolled back, never inside
 *   it, so the final state survives a rollback. It must only move a 'running' job.
 * - `findById` returns the stored job (null if none). Staleness (a running job whose
 *   heartbeat stopped) is judged by GetImportJob with `asObserved`, not by the store.
 * - `prune(endedBefore)` deletes the jobs that ended before it: finished ones by
 *   `finishedAt`, and running ones whose last heartbeat is older (abandoned; the caller
 *   passes a time older than any live heartbeat). One idempotent delete, safe to run on
 *   several instances at once; returns how many went.
 */
export interface ImportJobRepository {
  create(job: NewImportJob): Promise<number>;
  recordProgress(id: number, progress: ImportJobProgressReport): Promise<void>;
  finish(id: number, end: ImportJobEnd): Promise<void>;
  findById(id: number): Promise<ImportJob | null>;
  list(query: ImportJobQuery): Promise<Page<ImportJob>>;
  prune(endedBefore: Date): Promise<number>;
}
