import type { Kysely } from 'kysely';
import type { MarqueeDatabase } from './kysely-database.ts';
import type { RefreshTokenRow, SessionRow } from './session-mapper.ts';

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
