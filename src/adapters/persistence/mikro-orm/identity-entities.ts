import { EntitySchema, type EntityCtor } from '@mikro-orm/core';
import { ROLES } from '../../../domain/permissions.ts';
import type { RefreshTokenRecord, Session } from '../../../domain/session.ts';
import { User } from '../../../domain/user.ts';

/*
 * Accounts, sessions and refresh tokens mapped to the tables of Migration20261122060000_identity.
 * As with the catalog, the repositories speak plain SQL; these schemas exist so that a schema
 * diff (migration:create) sees the tables, indexes and constraints the migration made.
 */
const timestamptz = (fieldName: string, nullable = false) =>
  ({ type: 'datetime', columnType: 'timestamptz', fieldName, nullable }) as const;

/** The domain constructor is private (users come from create/restore); the ORM never calls it. */
const userClass = User as unknown as EntityCtor<User>;

const roleList = ROLES.map((role) => `'${role}'`).join(', ');

export const UserSchema = new EntitySchema<User>({
  class: userClass,
  tableName: 'app_user',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    name: { type: 'string', columnType: 'varchar(200)' },
    username: { type: 'string', columnType: 'varchar(64)' },
    passwordHash: { type: 'text', columnType: 'text', fieldName: 'password_hash' },
    role: { type: 'string', columnType: 'varchar(32)' },
    active: { type: 'boolean', default: true },
    createdAt: timestamptz('created_at'),
    updatedAt: timestamptz('updated_at'),
    version: { type: 'integer', default: 1 },
  },
  checks: [{ name: 'app_user_role_check', expression: `"role" in (${roleList})` }],
  indexes: [
    {
      name: 'app_user_username_unique',
      expression: 'create unique index "app_user_username_unique" on "app_user" (lower("username"))',
    },
  ],
});

export const SessionSchema = new EntitySchema<Session>({
  name: 'Session',
  tableName: 'session',
  properties: {
    id: { type: 'uuid', columnType: 'uuid', primary: true },
    userId: { kind: 'm:1', entity: () => UserSchema, fieldName: 'user_id', deleteRule: 'cascade', updateRule: 'cascade' },
    createdAt: timestamptz('created_at'),
    expiresAt: timestamptz('expires_at'),
    revokedAt: timestamptz('revoked_at', true),
  },
  indexes: [{ name: 'session_user_id_index', properties: ['userId'] }],
} as never);

export const RefreshTokenSchema = new EntitySchema<RefreshTokenRecord>({
  name: 'RefreshToken',
  tableName: 'refresh_token',
  properties: {
    tokenHash: { type: 'text', columnType: 'text', fieldName: 'token_hash', primary: true },
    sessionId: { kind: 'm:1', entity: () => SessionSchema, fieldName: 'session_id', deleteRule: 'cascade', updateRule: 'cascade' },
    createdAt: timestamptz('created_at'),
    expiresAt: timestamptz('expires_at'),
    spentAt: timestamptz('spent_at', true),
  },
  indexes: [{ name: 'refresh_token_session_id_index', properties: ['sessionId'] }],
} as never);

export const identityEntities = [UserSchema, SessionSchema, RefreshTokenSchema];
