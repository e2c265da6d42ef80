import { sql, type UpdateObject } from 'kysely';
import type {
  ImportJobEnd,
  ImportJobProgressReport,
  ImportJobQuery,
  ImportJobRepository,
  NewImportJob,
} from '../../../application/ports/import-job-repository.ts';
import type { Page } from '../../../application/ports/paging.ts';
import { emptyReport, type ImportJob, observedState } from '../../../domain/import-job.ts';
import { importJobMapper } from './import-job-mapper.ts';
import { importJobCondition } from './import-job-query.ts';
import { kyselyOf, translated, type MarqueeDatabase, type SqlOrm } from './kysely-database.ts';

/**
 * Where progress goes while an import's transaction is open:
 * - 'database' (PostgreSQL pool): an autocommit UPDATE on another pooled connection, so
 *   every instance sees live counts and a moving heartbeat;
 * - 'memory' (PGlite): its one connection is held by the import, and any statement would
 *   wait for the import to end. Progress stays in this process (the only one PGlite
 *   serves) and `findById` answers running jobs from there; `finish` writes the final state.
 */
export type ProgressMode = 'database' | 'memory';

/** Import jobs through MikroORM's Kysely, typed from ImportJobEntity. */
export class MikroOrmImportJobRepository implements ImportJobRepository {
  private readonly orm: SqlOrm;
  private readonly progressMode: ProgressMode;
  private readonly live = new Map<number, ImportJob>();

  constructor(orm: SqlOrm, progressMode: ProgressMode) {
    this.orm = orm;
    this.progressMode = progressMode;
  }

  async create(job: NewImportJob): Promise<number> {
    const startedAt = job.startedAt.toISOString();
    const values = {
      ...{ mode: job.mode, dry_run: job.dryRun, state: 'running' as const, bytes_total: job.bytesTotal },
      ...{ started_at: startedAt, heartbeat_at: startedAt },
    };
    const query = kyselyOf(this.orm).insertInto('import_job').values(values).returning('id');
    const { id } = await translated(query.executeTakeFirstOrThrow());
    if (this.progressMode === 'memory') {
      const running = {
        state: 'running' as const,
        report: emptyReport(),
        bytesRead: 0,
        failure: null,
        heartbeatAt: job.startedAt,
        finishedAt: null,
      };
      this.live.set(id, { id, ...job, ...running });
    }
    return id;
  }

  async recordProgress(id: number, progress: ImportJobProgressReport): Promise<void> {
    if (this.progressMode === 'memory') return this.recordLocally(id, progress);
    const { received, inserted, updated, unchanged, failed } = progress.counts;
    const moved = { bytes_read: progress.bytesRead, heartbeat_at: progress.heartbeatAt.toISOString() };
    await translated(this.updateRunning(id, { received, inserted, updated, unchanged, failed, ...moved }).execute());
  }

  async finish(id: number, end: ImportJobEnd): Promise<void> {
    const { received, inserted, updated, unchanged, failed, errors } = end.report;
    const finishedAt = end.finishedAt.toISOString();
    const failure = end.failure && jsonb(end.failure);
    const counts = { received, inserted, updated, unchanged, failed };
    const ended = {
      state: end.state,
      errors: jsonb(errors),
      failure,
      bytes_read: end.bytesRead,
      heartbeat_at: finishedAt,
      finished_at: finishedAt,
    };
    await translated(this.updateRunning(id, { ...counts, ...ended }).execute());
    this.live.delete(id);
  }

  async findById(id: number): Promise<ImportJob | null> {
    const running = this.live.get(id);
    if (running) return structuredClone(running);
    const query = kyselyOf(this.orm).selectFrom('import_job').selectAll().where('id', '=', id);
    const row = await translated(query.executeTakeFirst());
    return row ? importJobMapper.toDomain(row) : null;
  }

  /** Newest first; the page's running jobs as this process knows them (PGlite keeps their progress here). */
  async list(query: ImportJobQuery): Promise<Page<ImportJob>> {
    const db = kyselyOf(this.orm);
    const aliveIds = this.aliveIds(query.staleBefore);
    const matching = db.selectFrom('import_job').where((eb) => importJobCondition(eb, query, aliveIds));
    const page = matching
      .selectAll()
      .orderBy('id', 'desc')
      .limit(query.limit)
      .offset((query.page - 1) * query.limit);
    const [rows, counted] = await translated(
      Promise.all([page.execute(), matching.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow()]),
    );
    const items = rows.map((row) => structuredClone(this.live.get(row.id)) ?? importJobMapper.toDomain(row));
    return { items, total: counted.total, totalCapped: false };
  }

  /** Finished before the cutoff, or running with an older heartbeat — but never a job this process still runs (PGlite keeps its heartbeat here). */
  async prune(endedBefore: Date): Promise<number> {
    const cutoff = endedBefore.toISOString();
    const alive = this.aliveIds(endedBefore);
    const query = kyselyOf(this.orm)
      .deleteFrom('import_job')
      .where((eb) => eb.or([eb('finished_at', '<', cutoff), eb.and([eb('state', '=', 'running'), eb('heartbeat_at', '<', cutoff)])]))
      .$if(alive.length > 0, (q) => q.where('id', 'not in', alive))
      .returning('id');
    const pruned = await translated(query.execute());
    for (const { id } of pruned) this.live.delete(id);
    return pruned.length;
  }

  /** Only a running job moves: a finished one keeps its final state. */
  private updateRunning(id: number, changes: UpdateObject<MarqueeDatabase, 'import_job'>) {
    return kyselyOf(this.orm).updateTable('import_job').set(changes).where('id', '=', id).where('state', '=', 'running');
  }

  /** Ids of the running jobs whose progress this process keeps and which still count as running. */
  private aliveIds(staleBefore: Date): number[] {
    return [...this.live.values()].filter((job) => observedState(job, staleBefore) === 'running').map((job) => job.id);
  }

  private recordLocally(id: number, { counts, bytesRead, heartbeatAt }: ImportJobProgressReport): void {
    const job = this.live.get(id);
    if (job) this.live.set(id, { ...job, report: { ...job.report, ...counts }, bytesRead, heartbeatAt });
  }
}

/** A JSON value bound as jsonb: the driver would send a JavaScript array as a PostgreSQL array. */
const jsonb = <T>(value: T) => sql<T>`${JSON.stringify(value)}::jsonb`;
