import { sql, type Expression, type Selectable } from 'kysely';
import type { UserSortField } from '../../../application/ports/user-repository.ts';
import { User } from '../../../domain/user.ts';
import { instantFromText, type MarqueeDatabase } from './kysely-database.ts';

/** An account row as the driver returns it; its type is inferred from UserEntity. */
export type UserRow = Selectable<MarqueeDatabase['app_user']>;

/** The one place where a user becomes a row and back. */
export const userMapper = {
  toDomain(row: UserRow): User {
    return User.restore({
      id: row.id,
      name: row.name,
      username: row.username,
      passwordHash: row.password_hash,
      role: row.role,
      active: row.active,
      createdAt: instantFromText(row.created_at),
      updatedAt: instantFromText(row.updated_at),
      version: row.version,
    });
  },

  /** Every stored column but the generated id: a column added to the entity fails to compile here. */
  toRow(user: User): Omit<UserRow, 'id'> {
    return {
      name: user.name,
      username: user.username,
      password_hash: user.passwordHash,
      role: user.role,
      active: user.active,
      created_at: user.createdAt.toISOString(),
      updated_at: user.updatedAt.toISOString(),
      version: user.version,
    };
  },
};

/** Ignoring case, by code point (collation "C"), as the in-memory adapter compares lower-cased strings. */
const byCodePoint = (column: 'username' | 'name' | 'role', lower = true): Expression<string> =>
  lower ? sql<string>`lower(${sql.ref(column)}) collate "C"` : sql<string>`${sql.ref(column)} collate "C"`;

/** Names and usernames sort the same whatever the database's own collation. */
export const USER_SORT_COLUMNS: Record<UserSortField, keyof UserRow | Expression<string>> = {
  username: byCodePoint('username'),
  name: byCodePoint('name'),
  role: byCodePoint('role', false),
  created_at: 'created_at',
  id: 'id',
};
