import { TOTAL_COUNT_CAP, type Page, type PageRequest } from '../../../application/ports/paging.ts';
import type { RoleFilter, RoleRepository, RoleSortField } from '../../../application/ports/role-repository.ts';
import { notFound } from '../../../domain/errors.ts';
import { MovieRole } from '../../../domain/movie-role.ts';
import { roleMapper } from './casting-workflow-mappers.ts';
import { workflowKysely } from './casting-workflow-kysely.ts';
import { FOREIGN_KEY_VIOLATION, violates } from './database-errors.ts';
import { translated, type SqlOrm } from './kysely-database.ts';
import { listPage } from './kysely-list.ts';

const ROLE_SORT_COLUMNS: Record<RoleSortField, string> = {
  name: 'name',
  state: 'state',
  slots: 'slots',
  created_at: 'created_at',
  id: 'id',
};

/** Roles through MikroORM's Kysely, typed from MovieRoleEntity; changes go through the casting desk. */
export class MikroOrmRoleRepository implements RoleRepository {
  private readonly orm: SqlOrm;
  constructor(orm: SqlOrm) {
    this.orm = orm;
  }

  async findById(id: number): Promise<MovieRole | null> {
    const row = await translated(workflowKysely(this.orm).selectFrom('movie_role').selectAll().where('id', '=', id).executeTakeFirst());
    return row ? roleMapper.toDomain(row) : null;
  }

  async list(filter: RoleFilter, page: PageRequest<RoleSortField>): Promise<Page<MovieRole>> {
    const db = workflowKysely(this.orm);
    let matching = db.selectFrom('movie_role').where('movie_id', '=', filter.movieId);
    if (filter.state !== undefined) matching = matching.where('state', '=', filter.state);
    const found = await listPage(db, {
      rows: matching.selectAll(),
      matching,
      page,
      sortColumns: ROLE_SORT_COLUMNS,
      countCap: TOTAL_COUNT_CAP,
    });
    return { ...found, items: found.items.map(roleMapper.toDomain) };
  }

  /** The foreign key decides whether the movie exists. */
  async insert(role: MovieRole): Promise<MovieRole> {
    try {
      const query = workflowKysely(this.orm).insertInto('movie_role').values(roleMapper.toRow(role)).returning('id');
      const { id } = await translated(query.executeTakeFirstOrThrow());
      return MovieRole.restore({ ...role, id });
    } catch (error) {
      if (violates(error, FOREIGN_KEY_VIOLATION)) throw notFound('movie', role.movieId);
      throw error;
    }
  }

  /** Auditions and their history go with the role through the foreign keys' ON DELETE CASCADE. */
  async delete(id: number, expectedVersion?: number): Promise<boolean> {
    let query = workflowKysely(this.orm).deleteFrom('movie_role').where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const { numDeletedRows } = await translated(query.executeTakeFirst());
    return numDeletedRows === 1n;
  }
}
