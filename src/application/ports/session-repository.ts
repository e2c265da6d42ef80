import type { AccessRecord, RefreshTokenRecord, Session } from '../../domain/session.ts';

/** A refresh token with its session, read together (one query) for rotation. */
export interface RefreshTokenView {
  token: RefreshTokenRecord;
  session: Session;
}

/**
 * Sessions and their refresh tokens (a session is one token family). Tokens are stored by
 * their SHA-256 hash only.
 */
export interface SessionRepository {
  /** Stores a new session and its first refresh token together (one transaction). */
  create(session: Session, firstToken: RefreshTokenRecord): Promise<void>;
  /** The token with this hash and its session, or null. */
  findRefreshToken(tokenHash: string): Promise<RefreshTokenView | null>;
  /**
   * Marks the token spent at `now` only if it is still unspent, atomically
   * (`UPDATE … SET spent_at = $now WHERE token_hash = $1 AND spent_at IS NULL`).
   * True for exactly one of any number of concurrent callers; false for the rest.
   */
  spend(tokenHash: string, now: Date): Promise<boolean>;
  /** Adds the next token of a family (after a successful `spend`). */
  addRefreshToken(token: RefreshTokenRecord): Promise<void>;
  /** Revokes one session = its whole refresh-token family and its access tokens. Idempotent. */
  revoke(sessionId: string, now: Date): Promise<void>;
  /** Revokes every live session of a user (deactivation, password reset), except `keepSessionId` when given (password change). */
  revokeAllForUser(userId: number, now: Date, keepSessionId?: string): Promise<void>;
  /**
   * Deletes sessions that expired at or before `now`, and revoked ones revoked at or before
   * `revokedBefore`, with their refresh tokens; answers how many sessions went. One idempotent
   * statement, so instances may sweep at the same time.
   */
  prune(now: Date, revokedBefore: Date): Promise<number>;
  /**
   * The per-request access check: the session's user with role and active flag, and
   * whether the session is revoked, in ONE query (session join user, by primary key).
   * Null when the session does not exist.
   */
  findActiveAccess(sessionId: string): Promise<AccessRecord | null>;
}
