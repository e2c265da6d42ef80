import type { RefreshTokenView, SessionRepository } from '../../../application/ports/session-repository.ts';
import { notFound } from '../../../domain/errors.ts';
import type { AccessRecord, RefreshTokenRecord, Session } from '../../../domain/session.ts';
import { FOREIGN_KEY_VIOLATION, violates } from './database-errors.ts';
import { compiledOnce, kyselyOf, translated, type SqlOrm } from './kysely-database.ts';
import { accessFromRow, isUuid, refreshTokenMapper, sessionMapper, type AccessRow } from './session-mapper.ts';
import {
  accessStatement,
  createSessionParameters,
  createSessionStatement,
  findTokenView,
  insertTokenParameters,
  insertTokenStatement,
  spendTokenStatement,
  type TokenViewRow,
} from './session-query.ts';

/** Sessions and refresh tokens in PostgreSQL or PGlite through MikroORM's Kysely; one statement per call. */
export class MikroOrmSessionRepository implements SessionRepository {
  private readonly orm: SqlOrm;
  private readonly tokenView;
  private readonly spendToken;
  private readonly access;
  private readonly createSession;
  private readonly insertToken;
  constructor(orm: SqlOrm) {
    this.orm = orm;
    this.createSession = compiledOnce<unknown[], never>(orm, createSessionStatement);
    this.insertToken = compiledOnce<unknown[], never>(orm, insertTokenStatement);
    this.tokenView = compiledOnce<[tokenHash: string], TokenViewRow>(orm, findTokenView);
    this.spendToken = compiledOnce<[spentAt: string, tokenHash: string], { token_hash: string }>(orm, spendTokenStatement);
    this.access = compiledOnce<[sessionId: string], AccessRow>(orm, accessStatement);
  }

  async create(session: Session, firstToken: RefreshTokenRecord): Promise<void> {
    try {
      await this.createSession(...createSessionParameters(session, firstToken));
    } catch (error) {
      throw violates(error, FOREIGN_KEY_VIOLATION) ? notFound('user', session.userId) : error;
    }
  }

  async findRefreshToken(tokenHash: string): Promise<RefreshTokenView | null> {
    const [row] = await this.tokenView(tokenHash);
    if (!row) return null;
    const { user_id, session_created_at, session_expires_at, session_revoked_at, ...token } = row;
    const session = {
      id: token.session_id,
      user_id,
      created_at: session_created_at,
      expires_at: session_expires_at,
      revoked_at: session_revoked_at,
    };
    return { token: refreshTokenMapper.toDomain(token), session: sessionMapper.toDomain(session) };
  }

  async spend(tokenHash: string, now: Date): Promise<boolean> {
    return (await this.spendToken(now.toISOString(), tokenHash)).length === 1;
  }

  async addRefreshToken(token: RefreshTokenRecord): Promise<void> {
    try {
      await this.insertToken(...insertTokenParameters(token));
    } catch (error) {
      throw violates(error, FOREIGN_KEY_VIOLATION) ? notFound('session', token.sessionId) : error;
    }
  }

  /** The first revocation time stands; revoking again changes nothing. */
  async revoke(sessionId: string, now: Date): Promise<void> {
    if (!isUuid(sessionId)) return;
    await translated(this.revokeLive(now).where('id', '=', sessionId).execute());
  }

  async revokeAllForUser(userId: number, now: Date, keepSessionId?: string): Promise<void> {
    let query = this.revokeLive(now).where('user_id', '=', userId);
    if (keepSessionId !== undefined && isUuid(keepSessionId)) query = query.where('id', '<>', keepSessionId);
    await translated(query.execute());
  }

  /** Refresh tokens go with their session (on delete cascade). */
  async prune(now: Date, revokedBefore: Date): Promise<number> {
    const query = kyselyOf(this.orm)
      .deleteFrom('session')
      .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('revoked_at', '<=', revokedBefore.toISOString())]));
    const { numDeletedRows } = await translated(query.executeTakeFirst());
    return Number(numDeletedRows);
  }

  async findActiveAccess(sessionId: string): Promise<AccessRecord | null> {
    if (!isUuid(sessionId)) return null;
    const [row] = await this.access(sessionId);
    return row ? accessFromRow(row) : null;
  }

  private revokeLive(now: Date) {
    return kyselyOf(this.orm).updateTable('session').set('revoked_at', now.toISOString()).where('revoked_at', 'is', null);
  }
}
