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

/** The job as a reader should see it: running with a stale heartbeat means the worker died. */
export function asObserved(job: ImportJob, now: Date, staleAfterMs: number): ImportJob {
  if (job.state !== 'running' || now.getTime() - job.heartbeatAt.getTime() <= staleAfterMs) return job;
  const failure = { code: IMPORT_ABANDONED, message: 'the import stopped reporting progress; nothing of it was stored' };
  return { ...job, state: 'failed', failure, finishedAt: job.heartbeatAt };
}

export const emptyReport = (): ImportReport => ({ received: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, errors: [] });
