import type { AuditionFilter, AuditionRepository, AuditionSortField } from '../../../application/ports/audition-repository.ts';
import { TOTAL_COUNT_CAP, type Page, type PageRequest } from '../../../application/ports/paging.ts';
import type { Audition } from '../../../domain/audition.ts';
import { auditionMapper, type AuditionChangeRow, type AuditionRow } from './casting-workflow-mappers.ts';
import { workflowKysely } from './casting-workflow-kysely.ts';
import { changesQuery } from './casting-workflow-queries.ts';
import { translated, type SqlOrm } from './kysely-database.ts';
import { listPage } from './kysely-list.ts';

const AUDITION_SORT_COLUMNS: Record<AuditionSortField, string> = {
  state: 'state',
  scheduled_at: 'scheduled_at',
  created_at: 'created_at',
  updated_at: 'updated_at',
  id: 'id',
};

/** Auditions with their history: the page's rows, then all their changes in one more statement. */
export class MikroOrmAuditionRepository implements AuditionRepository {
  private readonly orm: SqlOrm;
  constructor(orm: SqlOrm) {
    this.orm = orm;
  }

  async findById(id: number): Promise<Audition | null> {
    const row = await translated(workflowKysely(this.orm).selectFrom('audition').selectAll().where('id', '=', id).executeTakeFirst());
    return row ? (await this.withHistory([row]))[0]! : null;
  }

  async list(filter: AuditionFilter, page: PageRequest<AuditionSortField>): Promise<Page<Audition>> {
    const db = workflowKysely(this.orm);
    let matching = db.selectFrom('audition').where('role_id', '=', filter.roleId);
    if (filter.state !== undefined) matching = matching.where('state', '=', filter.state);
    const sortColumns = AUDITION_SORT_COLUMNS;
    const found = await listPage(db, { rows: matching.selectAll(), matching, page, sortColumns, countCap: TOTAL_COUNT_CAP });
    return { ...found, items: await this.withHistory(found.items) };
  }

  private async withHistory(rows: AuditionRow[]): Promise<Audition[]> {
    if (rows.length === 0) return [];
    const changes = await translated(
      changesQuery(
        workflowKysely(this.orm),
        rows.map((row) => row.id),
      ).execute(),
    );
    const byAudition = new Map<number, AuditionChangeRow[]>();
    for (const change of changes) byAudition.set(change.audition_id, [...(byAudition.get(change.audition_id) ?? []), change]);
    return rows.map((row) => auditionMapper.toDomain(row, byAudition.get(row.id) ?? []));
  }
}
