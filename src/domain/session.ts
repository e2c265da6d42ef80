import { createHash } from 'node:crypto';
import type { Role } from './permissions.ts';

/**
 * A login. A session is one refresh-token family: every token rotated from the first one
 * belongs to it, so revoking the session revokes the family and, because every request
 * checks the session, its access tokens too. `expiresAt` is absolute: rotation does not
 * extend it.
 */
export interface Session {
  id: string; // uuid; the access token's `sid` claim
  userId: number;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** A refresh token as stored: only its SHA-256 hash, never the token itself. */
export interface RefreshTokenRecord {
  tokenHash: string; // hex SHA-256 of the opaque token
  sessionId: string; // the family
  createdAt: Date;
  expiresAt: Date;
  spentAt: Date | null; // set once, when it is rotated
}

/** What the per-request access check reads, in one query: user and session together. */
export interface AccessRecord {
  userId: number;
  role: Role;
  active: boolean;
  sessionRevoked: boolean;
  sessionExpiresAt: Date;
}

/**
 * Refresh tokens are 256 random bits, so a fast unsalted hash is enough: nothing to brute
 * force, and the lookup stays an index hit.
 */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sessionIsLive(session: Pick<Session, 'revokedAt' | 'expiresAt'>, now: Date): boolean {
  return session.revokedAt === null && session.expiresAt.getTime() > now.getTime();
}
