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

export const emptyReport = (): ImportReport => ({ received: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, errors: [] });
