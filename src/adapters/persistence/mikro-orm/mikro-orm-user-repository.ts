import { TOTAL_COUNT_CAP, type Page, type PageRequest } from '../../../application/ports/paging.ts';
import type { UserRepository, UserSortField } from '../../../application/ports/user-repository.ts';
import { lastActiveAdmin } from '../../../application/users/change-user.ts';
import { usernameTaken } from '../../../application/users/new-user.ts';
import { User } from '../../../domain/user.ts';
import { UNIQUE_VIOLATION, violates } from './database-errors.ts';
import type { SqlClient } from './sql-client.ts';
import { listPage, SqlParams } from './sql-query.ts';
import { USER_COLUMNS, USER_SORT_COLUMNS, userFromRow, userValues, type UserRow } from './user-rows.ts';

/*
 * The last-admin rule in the same statement as the write. `admins` locks every active admin
 * row (in id order, so two writers cannot deadlock); a concurrent demotion waits here, and
 * when it goes on, PostgreSQL re-reads the rows the other one changed, so it counts only the
 * admins that are left. The update runs only when an active admin remains besides this user,
 * or this user stays one. Without the lock, 20 of 20 rounds of two admins demoting each
 * other at once on PostgreSQL left none.
 */
const GUARDED_UPDATE = `with admins as (
    select id from app_user where active and role = 'admin' order by id for update
  ), guard as (
    select ($5::boolean and $4::text = 'admin') or not exists (select 1 from admins where id = $9)
      or exists (select 1 from admins where id <> $9) as keeps_admin
  ), changed as (
    update app_user set name = $1, username = $2, password_hash = $3, role = $4, active = $5,
      created_at = $6, updated_at = $7, version = $8
    where id = $9 and version = $10 and (select keeps_admin from guard) returning id
  )
  select (select keeps_admin from guard) as keeps_admin, (select count(*) from changed)::int as updated`;

/** Accounts in PostgreSQL or PGlite, one parameterized statement per call. */
export class MikroOrmUserRepository implements UserRepository {
  private readonly sql: SqlClient;
  private readonly countCap: number;
  constructor(sql: SqlClient, countCap: number = TOTAL_COUNT_CAP) {
    this.sql = sql;
    this.countCap = countCap;
  }

  findById(id: number): Promise<User | null> {
    return this.findOne('id = $1', id);
  }

  /** lower(username) = lower($1) is what the unique expression index serves. */
  findByUsername(username: string): Promise<User | null> {
    return this.findOne('lower(username) = lower($1)', username);
  }

  async insert(user: User): Promise<User> {
    const sql = `insert into app_user (name, username, password_hash, role, active, created_at, updated_at, version)
      values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`;
    try {
      const { rows } = await this.sql.query<{ id: number }>(sql, userValues(user));
      return User.restore({ ...user, id: rows[0]!.id });
    } catch (error) {
      throw violates(error, UNIQUE_VIOLATION) ? usernameTaken(user.username) : error;
    }
  }

  async update(user: User, expectedVersion: number): Promise<boolean> {
    try {
      const params = [...userValues(user), user.id, expectedVersion];
      const { rows } = await this.sql.query<{ keeps_admin: boolean; updated: number }>(GUARDED_UPDATE, params);
      if (!rows[0]?.keeps_admin) throw lastActiveAdmin();
      return rows[0].updated === 1;
    } catch (error) {
      throw violates(error, UNIQUE_VIOLATION) ? usernameTaken(user.username) : error;
    }
  }

  list(page: PageRequest<UserSortField>): Promise<Page<User>> {
    const query = {
      table: 'app_user',
      columns: USER_COLUMNS,
      conditions: [],
      params: new SqlParams(),
      page,
      sortColumns: USER_SORT_COLUMNS,
      countCap: this.countCap,
    };
    return listPage(this.sql, query, userFromRow);
  }

  async countActiveAdmins(): Promise<number> {
    const { rows } = await this.sql.query<{ n: number }>(`select count(*)::int as n from app_user where active and role = 'admin'`);
    return rows[0]?.n ?? 0;
  }

  private async findOne(condition: string, value: unknown): Promise<User | null> {
    const { rows } = await this.sql.query<UserRow>(`select ${USER_COLUMNS} from app_user where ${condition}`, [value]);
    return rows[0] ? userFromRow(rows[0]) : null;
  }
}
