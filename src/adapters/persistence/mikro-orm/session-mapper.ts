import type { Selectable } from 'kysely';
import type { Role } from '../../../domain/permissions.ts';
import type { AccessRecord, RefreshTokenRecord, Session } from '../../../domain/session.ts';
import { instantFromText, type MarqueeDatabase } from './kysely-database.ts';

/** Rows as the driver returns them; their types are inferred from SessionEntity and RefreshTokenEntity. */
export type SessionRow = Selectable<MarqueeDatabase['session']>;
export type RefreshTokenRow = Selectable<MarqueeDatabase['refresh_token']>;

/** Session ids are uuids; anything else cannot name a session and must not reach a uuid column. */
export const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

const optionalInstant = (text: string | null): Date | null => (text === null ? null : instantFromText(text));
const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** The one place where a session becomes a row and back; every stored column is listed, so a new one fails to compile here. */
export const sessionMapper = {
  toDomain(row: SessionRow): Session {
    return {
      id: row.id,
      userId: row.user_id,
      createdAt: instantFromText(row.created_at),
      expiresAt: instantFromText(row.expires_at),
      revokedAt: optionalInstant(row.revoked_at),
    };
  },
  toRow(session: Session): SessionRow {
    return {
      id: session.id,
      user_id: session.userId,
      created_at: session.createdAt.toISOString(),
      expires_at: session.expiresAt.toISOString(),
      revoked_at: iso(session.revokedAt),
    };
  },
};

/** The same for a refresh token. */
export const refreshTokenMapper = {
  toDomain(row: RefreshTokenRow): RefreshTokenRecord {
    return {
      tokenHash: row.token_hash,
      sessionId: row.session_id,
      createdAt: instantFromText(row.created_at),
      expiresAt: instantFromText(row.expires_at),
      spentAt: optionalInstant(row.spent_at),
    };
  },
  toRow(token: RefreshTokenRecord): RefreshTokenRow {
    return {
      token_hash: token.tokenHash,
      session_id: token.sessionId,
      created_at: token.createdAt.toISOString(),
      expires_at: token.expiresAt.toISOString(),
      spent_at: iso(token.spentAt),
    };
  },
};

/** What the per-request check reads: a projection of session and user, no hash, nothing to hydrate. */
export interface AccessRow {
  user_id: number;
  role: Role;
  active: boolean;
  revoked: boolean;
  expires_at: string;
}

export const accessFromRow = (row: AccessRow): AccessRecord => ({
  userId: row.user_id,
  role: row.role,
  active: row.active,
  sessionRevoked: row.revoked,
  sessionExpiresAt: instantFromText(row.expires_at),
});
