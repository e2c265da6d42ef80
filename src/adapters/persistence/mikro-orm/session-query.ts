import { sql, type Kysely } from 'kysely';
import type { RefreshTokenRecord, Session } from '../../../domain/session.ts';
import type { MarqueeDatabase } from './kysely-database.ts';
import { refreshTokenMapper, sessionMapper, type RefreshTokenRow, type SessionRow } from './session-mapper.ts';

/** A refresh token with its session's columns, prefixed where they would shadow the token's. */
export type TokenViewRow = RefreshTokenRow & {
  user_id: SessionRow['user_id'];
  session_created_at: SessionRow['created_at'];
  session_expires_at: SessionRow['expires_at'];
  session_revoked_at: SessionRow['revoked_at'];
};

/** A refresh token and its session in one indexed join (both by primary key); the hash is its one parameter. */
export const findTokenView = (db: Kysely<MarqueeDatabase>) =>
  db
    .selectFrom('refresh_token as t')
    .innerJoin('session as s', 's.id', 't.session_id')
    .selectAll('t')
    .select(['s.user_id', 's.created_at as session_created_at', 's.expires_at as session_expires_at', 's.revoked_at as session_revoked_at'])
    .where('t.token_hash', '=', '');

/** The WHERE re-checks spent_at after waiting for a concurrent winner's row lock, so one caller wins. */
export const spendTokenStatement = (db: Kysely<MarqueeDatabase>) =>
  db.updateTable('refresh_token').set('spent_at', '').where('token_hash', '=', '').where('spent_at', 'is', null).returning('token_hash');

/** The hot path, every authenticated request: session by primary key joined to its user by primary key. */
export const accessStatement = (db: Kysely<MarqueeDatabase>) =>
  db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.user_id', 'u.role', 'u.active', 's.expires_at', sql<boolean>`s.revoked_at is not null`.as('revoked')])
    .where('s.id', '=', '');

/*
 * Inserts compiled once (login and refresh: building them cost ~150 µs of CPU per call,
 * measured). Built from placeholder rows made by the mappers, so each call's values, taken
 * from the same mappers in the same key order, line up with the compiled parameters.
 */
const PLACEHOLDER_TIME = new Date(0);
const placeholderToken = (): RefreshTokenRecord => ({
  tokenHash: '',
  sessionId: '',
  createdAt: PLACEHOLDER_TIME,
  expiresAt: PLACEHOLDER_TIME,
  spentAt: PLACEHOLDER_TIME,
});
const placeholderSession = (): Session => ({
  id: '',
  userId: 0,
  createdAt: PLACEHOLDER_TIME,
  expiresAt: PLACEHOLDER_TIME,
  revokedAt: PLACEHOLDER_TIME,
});

export const insertTokenStatement = (db: Kysely<MarqueeDatabase>) =>
  db.insertInto('refresh_token').values(refreshTokenMapper.toRow(placeholderToken()));
export const insertTokenParameters = (token: RefreshTokenRecord): unknown[] => Object.values(refreshTokenMapper.toRow(token));

/**
 * The session and its first token in ONE statement: a data-modifying CTE is atomic like a
 * transaction, and needs no connection pinned for a BEGIN … COMMIT. The token takes the
 * session id the CTE returns, so the two cannot disagree.
 */
export const createSessionStatement = (db: Kysely<MarqueeDatabase>) =>
  db
    .with('new_session', (db) => db.insertInto('session').values(sessionMapper.toRow(placeholderSession())).returning('id'))
    .insertInto('refresh_token')
    .values({ ...refreshTokenMapper.toRow(placeholderToken()), session_id: (eb) => eb.selectFrom('new_session').select('id') });
export function createSessionParameters(session: Session, token: RefreshTokenRecord): unknown[] {
  const { session_id: _fromTheCte, ...tokenColumns } = refreshTokenMapper.toRow(token);
  return [...Object.values(sessionMapper.toRow(session)), ...Object.values(tokenColumns)];
}
