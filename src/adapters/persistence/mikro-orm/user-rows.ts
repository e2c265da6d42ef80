import type { UserSortField } from '../../../application/ports/user-repository.ts';
import type { Role } from '../../../domain/permissions.ts';
import { User } from '../../../domain/user.ts';
import { epochMs } from './sql-query.ts';

export const USER_COLUMNS = [
  'id',
  'name',
  'username',
  'password_hash',
  'role',
  'active',
  epochMs('created_at', 'created_ms'),
  epochMs('updated_at', 'updated_ms'),
  'version',
].join(', ');

export interface UserRow {
  id: number;
  name: string;
  username: string;
  password_hash: string;
  role: Role;
  active: boolean;
  created_ms: number;
  updated_ms: number;
  version: number;
}

/**
 * Names and usernames sort ignoring case, by code point (collation "C"), exactly as the
 * in-memory adapter compares lower-cased strings, whatever the database's own collation.
 */
export const USER_SORT_COLUMNS: Record<UserSortField, string> = {
  username: 'lower(username) collate "C"',
  name: 'lower(name) collate "C"',
  role: 'role collate "C"',
  created_at: 'created_at',
  id: 'id',
};

export function userFromRow(row: UserRow): User {
  return User.restore({
    id: row.id,
    name: row.name,
    username: row.username,
    passwordHash: row.password_hash,
    role: row.role,
    active: row.active,
    createdAt: new Date(row.created_ms),
    updatedAt: new Date(row.updated_ms),
    version: row.version,
  });
}

/** The stored fields in column order: name, username, password_hash, role, active, created_at, updated_at, version. */
export const userValues = (user: User): unknown[] => [
  user.name,
  user.username,
  user.passwordHash,
  user.role,
  user.active,
  user.createdAt.toISOString(),
  user.updatedAt.toISOString(),
  user.version,
];
