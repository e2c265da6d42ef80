import type { ImportReport } from './import-report.ts';

export type ImportMode = 'atomic' | 'partial';
export type ImportState = 'running' | 'succeeded' | 'failed';

/**
 * One bulk import and its progress. While it runs, `report` holds the counts so far and
 * `heartbeatAt` moves with every batch; a job whose heartbeat stopped is shown as failed
 * (see `asObserved`), so a killed server does not leave an import running forever.
 */
export interface ImportJob {
  id: number;
  mode: ImportMode;
  dryRun: boolean;
  state: ImportState;
  report: ImportReport;
  /** Bytes of the upload read so far; `bytesTotal` is its size when known (Content-Length, file size), else null. */
  bytesRead: number;
  bytesTotal: number | null;
  /** Why a failed import failed (a DomainError's code and message); null otherwise. */
  failure: { code: string; message: string } | null;
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
}

export const IMPORT_ABANDONED = 'IMPORT_ABANDONED';

/** Heartbeats older than this, `staleAfterMs` before `now`, mean the worker died. */
export const staleBefore = (now: Date, staleAfterMs: number): Date => new Date(now.getTime() - staleAfterMs);

/** The state a reader should see: running with a heartbeat before `staleBefore` means failed. */
export function observedState(job: ImportJob, staleBefore: Date): ImportState {
  return job.state === 'running' && job.heartbeatAt < staleBefore ? 'failed' : job.state;
}

/** The job as a reader should see it (see `observedState`), with the failure that explains it. */
export function asObserved(job: ImportJob, staleBefore: Date): ImportJob {
  if (observedState(job, staleBefore) === job.state) return job;
  const failure = { code: IMPORT_ABANDONED, message: 'the import stopped reporting progress; nothing of it was stored' };
  return { ...job, state: 'failed', failure, finishedAt: job.heartbeatAt };
}

/** How far a job has come, as of its last heartbeat (so every instance computes the same). */
export interface ImportJobProgress {
  /** Rows written so far: inside the import's transaction, committed only when it ends. */
  rowsStored: number;
  rowsPerSecond: number | null;
  /** Only while running and when the size is known: bytes left at the bytes-per-second rate so far. */
  secondsLeft: number | null;
}

export function progressOf(job: ImportJob): ImportJobProgress {
  const { inserted, updated, unchanged, received } = job.report;
  const seconds = (job.heartbeatAt.getTime() - job.startedAt.getTime()) / 1000;
  const rowsPerSecond = seconds > 0 ? Math.round(received / seconds) : null;
  const measurable = job.state === 'running' && job.bytesTotal !== null && job.bytesRead > 0 && seconds > 0;
  const secondsLeft = measurable ? Math.ceil((Math.max(0, (job.bytesTotal ?? 0) - job.bytesRead) * seconds) / job.bytesRead) : null;
  return { rowsStored: inserted + updated + unchanged, rowsPerSecond, secondsLeft };
}

export const emptyReport = (): ImportReport => ({ received: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, errors: [] });
