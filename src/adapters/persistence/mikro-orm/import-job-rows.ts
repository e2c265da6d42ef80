import type { ImportJobQuery } from '../../../application/ports/import-job-repository.ts';
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

/**
 * List filters by state: the SQL form of `observedState`. $3 is the stale-before time: a
 * running job that stopped beating has failed. $4 lists running jobs this process knows to be
 * alive although their stored heartbeat is old (PGlite keeps their progress in memory while the
 * import holds the one connection). No filter: every job.
 */
const STATE_FILTERS: Record<ImportState, { where: string; staleness: boolean }> = {
  running: { where: `state = 'running' and (heartbeat_at >= $3::timestamptz or id = any($4::int[]))`, staleness: true },
  failed: {
    where: `(state = 'failed' or (state = 'running' and heartbeat_at < $3::timestamptz and not id = any($4::int[])))`,
    staleness: true,
  },
  succeeded: { where: `state = 'succeeded'`, staleness: false },
};

/**
 * One page of jobs, newest first, and the total, in one statement ($1 limit, $2 offset): the
 * count row is always there, so a page past the end still says how many match.
 */
export function importJobListQuery(query: ImportJobQuery, aliveIds: number[]): { text: string; params: unknown[] } {
  const filter = query.state ? STATE_FILTERS[query.state] : { where: 'true', staleness: false };
  const params: unknown[] = [query.limit, (query.page - 1) * query.limit];
  if (filter.staleness) params.push(query.staleBefore.toISOString(), aliveIds);
  const text = `with matching as (select * from import_job where ${filter.where})
    select counted.total, page.* from (select count(*)::int as total from matching) counted
    left join lateral (select ${IMPORT_JOB_COLUMNS} from matching order by id desc limit $1 offset $2) page on true`;
  return { text, params };
}
