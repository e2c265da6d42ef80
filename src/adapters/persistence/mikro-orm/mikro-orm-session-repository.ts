import type { RefreshTokenView, SessionRepository } from '../../../application/ports/session-repository.ts';
import { notFound } from '../../../domain/errors.ts';
import type { AccessRecord, RefreshTokenRecord, Session } from '../../../domain/session.ts';
import { FOREIGN_KEY_VIOLATION, violates } from './database-errors.ts';
import {
  ACCESS_COLUMNS,
  accessFromRow,
  isUuid,
  sessionValues,
  TOKEN_VIEW_COLUMNS,
  tokenValues,
  tokenViewFromRow,
  type AccessRow,
  type TokenViewRow,
} from './session-rows.ts';
import type { SqlClient } from './sql-client.ts';

/*
 * The session and its first token in ONE statement: a data-modifying CTE is atomic like a
 * transaction, and needs no connection pinned for a BEGIN … COMMIT. The token takes the
 * session id the CTE returns, so the two cannot disagree.
 */
const CREATE_SESSION = `with new_session as (
    insert into session (id, user_id, created_at, expires_at, revoked_at) values ($1, $2, $3, $4, $5) returning id
  )
  insert into refresh_token (token_hash, session_id, created_at, expires_at, spent_at)
  select $6::text, id, $7::timestamptz, $8::timestamptz, $9::timestamptz from new_session`;

/** Sessions and refresh tokens in PostgreSQL or PGlite, one parameterized statement per call. */
export class MikroOrmSessionRepository implements SessionRepository {
  private readonly sql: SqlClient;
  constructor(sql: SqlClient) {
    this.sql = sql;
  }

  async create(session: Session, firstToken: RefreshTokenRecord): Promise<void> {
    try {
      const [tokenHash, , ...tokenTimes] = tokenValues(firstToken);
      await this.sql.query(CREATE_SESSION, [...sessionValues(session), tokenHash, ...tokenTimes]);
    } catch (error) {
      throw violates(error, FOREIGN_KEY_VIOLATION) ? notFound('user', session.userId) : error;
    }
  }

  async findRefreshToken(tokenHash: string): Promise<RefreshTokenView | null> {
    const { rows } = await this.sql.query<TokenViewRow>(
      `select ${TOKEN_VIEW_COLUMNS} from refresh_token t join session s on s.id = t.session_id where t.token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ? tokenViewFromRow(rows[0]) : null;
  }

  /** The WHERE re-checks spent_at after waiting for a concurrent winner's row lock, so one caller wins. */
  async spend(tokenHash: string, now: Date): Promise<boolean> {
    const { rows } = await this.sql.query(
      'update refresh_token set spent_at = $2 where token_hash = $1 and spent_at is null returning token_hash',
      [tokenHash, now.toISOString()],
    );
    return rows.length === 1;
  }

  async addRefreshToken(token: RefreshTokenRecord): Promise<void> {
    const sql = 'insert into refresh_token (token_hash, session_id, created_at, expires_at, spent_at) values ($1, $2, $3, $4, $5)';
    try {
      await this.sql.query(sql, tokenValues(token));
    } catch (error) {
      throw violates(error, FOREIGN_KEY_VIOLATION) ? notFound('session', token.sessionId) : error;
    }
  }

  /** The first revocation time stands; revoking again changes nothing. */
  async revoke(sessionId: string, now: Date): Promise<void> {
    if (!isUuid(sessionId)) return;
    await this.sql.query('update session set revoked_at = $2 where id = $1 and revoked_at is null', [sessionId, now.toISOString()]);
  }

  async revokeAllForUser(userId: number, now: Date, keepSessionId?: string): Promise<void> {
    const keep = keepSessionId !== undefined && isUuid(keepSessionId) ? keepSessionId : null;
    await this.sql.query('update session set revoked_at = $2 where user_id = $1 and revoked_at is null and id is distinct from $3::uuid', [
      userId,
      now.toISOString(),
      keep,
    ]);
  }

  /** Refresh tokens go with their session (on delete cascade). */
  async prune(now: Date, revokedBefore: Date): Promise<number> {
    const { rowCount } = await this.sql.query('delete from session where expires_at <= $1 or revoked_at <= $2', [
      now.toISOString(),
      revokedBefore.toISOString(),
    ]);
    return rowCount;
  }

  /** The hot path: one statement, session by primary key joined to its user by primary key. */
  async findActiveAccess(sessionId: string): Promise<AccessRecord | null> {
    if (!isUuid(sessionId)) return null;
    const { rows } = await this.sql.query<AccessRow>(
      `select ${ACCESS_COLUMNS} from session s join app_user u on u.id = s.user_id where s.id = $1`,
      [sessionId],
    );
    return rows[0] ? accessFromRow(rows[0]) : null;
  }
}
