import type { ImportJobEnd, ImportJobQuery, ImportJobRepository, NewImportJob } from '../../../application/ports/import-job-repository.ts';
import type { Page } from '../../../application/ports/paging.ts';
import { emptyReport, type ImportJob, observedState } from '../../../domain/import-job.ts';
import type { ImportCounts } from '../../../domain/import-report.ts';
import { IMPORT_JOB_COLUMNS, importJobFromRow, importJobListQuery, type ImportJobRow } from './import-job-rows.ts';
import type { SqlClient } from './sql-client.ts';

/**
 * Where progress goes while an import's transaction is open:
 * - 'database' (PostgreSQL pool): an autocommit UPDATE on another pooled connection, so
 *   every instance sees live counts and a moving heartbeat;
 * - 'memory' (PGlite): its one connection is held by the import, and any statement would
 *   wait for the import to end. Progress stays in this process (the only one PGlite
 *   serves) and `findById` answers running jobs from there; `finish` writes the final state.
 */
export type ProgressMode = 'database' | 'memory';

export class MikroOrmImportJobRepository implements ImportJobRepository {
  private readonly sql: SqlClient;
  private readonly progressMode: ProgressMode;
  private readonly live = new Map<number, ImportJob>();

  constructor(sql: SqlClient, progressMode: ProgressMode) {
    this.sql = sql;
    this.progressMode = progressMode;
  }

  async create(job: NewImportJob): Promise<number> {
    const { rows } = await this.sql.query<{ id: number }>(
      `insert into import_job (mode, dry_run, state, started_at, heartbeat_at) values ($1, $2, 'running', $3, $3) returning id`,
      [job.mode, job.dryRun, job.startedAt.toISOString()],
    );
    const id = rows[0]!.id;
    const { startedAt } = job;
    if (this.progressMode === 'memory') {
      this.live.set(id, { id, ...job, state: 'running', report: emptyReport(), failure: null, heartbeatAt: startedAt, finishedAt: null });
    }
    return id;
  }

  async recordProgress(id: number, counts: ImportCounts, heartbeatAt: Date): Promise<void> {
    if (this.progressMode === 'memory') return this.recordLocally(id, counts, heartbeatAt);
    await this.sql.query(
      `update import_job set received = $2, inserted = $3, updated = $4, unchanged = $5, failed = $6, heartbeat_at = $7 where id = $1 and state = 'running'`,
      [id, counts.received, counts.inserted, counts.updated, counts.unchanged, counts.failed, heartbeatAt.toISOString()],
    );
  }

  async finish(id: number, end: ImportJobEnd): Promise<void> {
    const { report, failure } = end;
    const finishedAt = end.finishedAt.toISOString();
    await this.sql.query(
      `update import_job set state = $2, received = $3, inserted = $4, updated = $5, unchanged = $6, failed = $7, errors = $8::jsonb, failure = $9::jsonb, heartbeat_at = $10, finished_at = $10 where id = $1 and state = 'running'`,
      [
        id,
        end.state,
        report.received,
        report.inserted,
        report.updated,
        report.unchanged,
        report.failed,
        JSON.stringify(report.errors),
        failure && JSON.stringify(failure),
        finishedAt,
      ],
    );
    this.live.delete(id);
  }

  async findById(id: number): Promise<ImportJob | null> {
    const running = this.live.get(id);
    if (running) return structuredClone(running);
    const { rows } = await this.sql.query<ImportJobRow>(`select ${IMPORT_JOB_COLUMNS} from import_job where id = $1`, [id]);
    return rows[0] ? importJobFromRow(rows[0]) : null;
  }

  async list(query: ImportJobQuery): Promise<Page<ImportJob>> {
    const { text, params } = importJobListQuery(query, this.aliveIds(query.staleBefore));
    const { rows } = await this.sql.query<{ total: number } & ImportJobRow>(text, params);
    // The page's running jobs as this process knows them (PGlite keeps their progress here).
    const items = rows.filter((row) => row.id !== null).map((row) => structuredClone(this.live.get(row.id)) ?? importJobFromRow(row));
    return { items, total: rows[0]?.total ?? 0, totalCapped: false };
  }

  /** Ids of the running jobs whose progress this process keeps and which still count as running. */
  private aliveIds(staleBefore: Date): number[] {
    return [...this.live.values()].filter((job) => observedState(job, staleBefore) === 'running').map((job) => job.id);
  }

  private recordLocally(id: number, counts: ImportCounts, heartbeatAt: Date): void {
    const job = this.live.get(id);
    if (job) this.live.set(id, { ...job, report: { ...job.report, ...counts }, heartbeatAt });
  }
}
