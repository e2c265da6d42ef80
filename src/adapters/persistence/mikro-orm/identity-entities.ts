import { defineEntity, p } from '@mikro-orm/core';
import { ROLES, type Role } from '../../../domain/permissions.ts';

/*
 * Accounts, sessions and refresh tokens, declared once (see movie-entity.ts for what is
 * inferred from a declaration). `app_user` because `user` is a reserved word. A session is
 * a refresh-token family: deleting a user takes its sessions, deleting a session its tokens.
 */

const roleList = ROLES.map((role) => `'${role}'`).join(', ');

export const UserEntity = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(200),
    username: p.string().length(64),
    passwordHash: p.text(),
    role: p.string().length(32).$type<Role>(),
    active: p.boolean().default(true),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version().default(1),
  },
  // The database refuses a role the permission table does not know, whatever path writes it.
  checks: [{ name: 'app_user_role_check', expression: `"role" in (${roleList})` }],
  indexes: [
    {
      name: 'app_user_username_unique',
      expression: 'create unique index "app_user_username_unique" on "app_user" (lower("username"))',
    },
  ],
});

export const SessionEntity = defineEntity({
  name: 'Session',
  tableName: 'session',
  properties: {
    id: p.uuid().primary(),
    user: () => p.manyToOne(UserEntity).deleteRule('cascade').updateRule('cascade'),
    createdAt: p.datetime().columnType('timestamptz'),
    expiresAt: p.datetime().columnType('timestamptz'),
    revokedAt: p.datetime().columnType('timestamptz').nullable(),
  },
  indexes: [{ name: 'session_user_id_index', properties: ['user'] }],
});

export const RefreshTokenEntity = defineEntity({
  name: 'RefreshToken',
  tableName: 'refresh_token',
  properties: {
    tokenHash: p.text().primary(),
    session: () => p.manyToOne(SessionEntity).deleteRule('cascade').updateRule('cascade'),
    createdAt: p.datetime().columnType('timestamptz'),
    expiresAt: p.datetime().columnType('timestamptz'),
    spentAt: p.datetime().columnType('timestamptz').nullable(),
  },
  // Serves the cascade from session and any look-up of a family's tokens.
  indexes: [{ name: 'refresh_token_session_id_index', properties: ['session'] }],
});

export const identityEntities = [UserEntity, SessionEntity, RefreshTokenEntity];
