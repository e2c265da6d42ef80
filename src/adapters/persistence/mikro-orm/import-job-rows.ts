import type { ImportJob, ImportMode, ImportState } from '../../../domain/import-job.ts';
import type { ImportRowError } from '../../../domain/import-report.ts';
import { epochMs } from './sql-query.ts';

export const IMPORT_JOB_COLUMNS = [
  'id',
  'mode',
  'dry_run',
  'state',
  'received',
  'inserted',
  'updated',
  'unchanged',
  'failed',
  'errors',
  'failure',
  epochMs('started_at', 'started_ms'),
  epochMs('heartbeat_at', 'heartbeat_ms'),
  epochMs('finished_at', 'finished_ms'), // null while running
].join(', ');

export interface ImportJobRow {
  id: number;
  mode: ImportMode;
  dry_run: boolean;
  state: ImportState;
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: ImportRowError[];
  failure: { code: string; message: string } | null;
  started_ms: number;
  heartbeat_ms: number;
  finished_ms: number | null;
}

export function importJobFromRow(row: ImportJobRow): ImportJob {
  const { received, inserted, updated, unchanged, failed, errors } = row;
  return {
    id: row.id,
    mode: row.mode,
    dryRun: row.dry_run,
    state: row.state,
    report: { received, inserted, updated, unchanged, failed, errors },
    failure: row.failure,
    startedAt: new Date(row.started_ms),
    heartbeatAt: new Date(row.heartbeat_ms),
    finishedAt: row.finished_ms === null ? null : new Date(row.finished_ms),
  };
}
