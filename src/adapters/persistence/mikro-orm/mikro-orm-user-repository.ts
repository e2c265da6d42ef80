import { sql } from 'kysely';
import { TOTAL_COUNT_CAP, type Page, type PageRequest } from '../../../application/ports/paging.ts';
import type { UserRepository, UserSortField } from '../../../application/ports/user-repository.ts';
import { lastActiveAdmin, usernameTaken } from '../../../domain/user-errors.ts';
import { User } from '../../../domain/user.ts';
import { UNIQUE_VIOLATION, violates } from './database-errors.ts';
import { compiledOnce, kyselyOf, translated, type SqlOrm } from './kysely-database.ts';
import { listPage } from './kysely-list.ts';
import { USER_SORT_COLUMNS, userMapper, type UserRow } from './user-mapper.ts';
import { guardedUpdate } from './user-query.ts';

/** Accounts in PostgreSQL or PGlite through MikroORM's Kysely, typed from UserEntity; one statement per call. */
export class MikroOrmUserRepository implements UserRepository {
  private readonly orm: SqlOrm;
  private readonly countCap: number;
  private readonly byId;
  private readonly byUsername;
  constructor(orm: SqlOrm, countCap: number = TOTAL_COUNT_CAP) {
    this.orm = orm;
    this.countCap = countCap;
    this.byId = compiledOnce<[id: number], UserRow>(orm, (db) => db.selectFrom('app_user').selectAll().where('id', '=', 0));
    // lower(username) = lower($1) is what the unique expression index serves.
    this.byUsername = compiledOnce<[username: string], UserRow>(orm, (db) =>
      db
        .selectFrom('app_user')
        .selectAll()
        .where(sql`lower(${sql.ref('username')})`, '=', sql`lower(${''})`),
    );
  }

  async findById(id: number): Promise<User | null> {
    const [row] = await this.byId(id);
    return row ? userMapper.toDomain(row) : null;
  }

  async findByUsername(username: string): Promise<User | null> {
    const [row] = await this.byUsername(username);
    return row ? userMapper.toDomain(row) : null;
  }

  async insert(user: User): Promise<User> {
    const query = kyselyOf(this.orm).insertInto('app_user').values(userMapper.toRow(user)).returning('id');
    try {
      const { id } = await translated(query.executeTakeFirstOrThrow());
      return User.restore({ ...user, id });
    } catch (error) {
      throw violates(error, UNIQUE_VIOLATION) ? usernameTaken(user.username) : error;
    }
  }

  async update(user: User, expectedVersion: number): Promise<boolean> {
    try {
      const { keeps_admin, updated } = await translated(guardedUpdate(kyselyOf(this.orm), user, expectedVersion).executeTakeFirstOrThrow());
      if (!keeps_admin) throw lastActiveAdmin();
      return updated === 1;
    } catch (error) {
      throw violates(error, UNIQUE_VIOLATION) ? usernameTaken(user.username) : error;
    }
  }

  list(page: PageRequest<UserSortField>): Promise<Page<User>> {
    const db = kyselyOf(this.orm);
    const matching = db.selectFrom('app_user');
    const query = { rows: matching.selectAll(), matching, page, sortColumns: USER_SORT_COLUMNS, countCap: this.countCap };
    return listPage(db, query).then((found) => ({ ...found, items: found.items.map(userMapper.toDomain) }));
  }

  async countActiveAdmins(): Promise<number> {
    const query = kyselyOf(this.orm)
      .selectFrom('app_user')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('active', '=', true)
      .where('role', '=', 'admin');
    return (await translated(query.executeTakeFirstOrThrow())).n;
  }
}
