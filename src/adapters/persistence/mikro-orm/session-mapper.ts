import type { Selectable } from 'kysely';
import type { Role } from '../../../domain/permissions.ts';
import type { AccessRecord, RefreshTokenRecord, Session } from '../../../domain/session.ts';
import { instantFromText, type MarqueeDatabase } from './kysely-database.ts';

/** Rows as the driver returns them; their types are inferred from SessionEntity and RefreshTokenEntity. */
export type SessionRow = Selectable<MarqueeDatabase['session']>;
export type RefreshTokenRow = Selectable<MarqueeDatabase['refresh_token']>;

/** Session ids are uuids; anything else cannot name a session and must not reach a uuid column. */
export const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** What a session and a refresh token both carry: when they were made and when they expire. */
const lifetime = (row: { created_at: string; expires_at: string }) => ({
  createdAt: instantFromText(row.created_at),
  expiresAt: instantFromText(row.expires_at),
});
const lifetimeRow = (record: { createdAt: Date; expiresAt: Date }) => ({
  created_at: record.createdAt.toISOString(),
  expires_at: record.expiresAt.toISOString(),
});
const optionalInstant = (text: string | null): Date | null => (text === null ? null : instantFromText(text));
const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** The one place where a session becomes a row and back; every stored column is listed, so a new one fails to compile here. */
export const sessionMapper = {
  toDomain: (row: SessionRow): Session => ({
    id: row.id,
    userId: row.user_id,
    ...lifetime(row),
    revokedAt: optionalInstant(row.revoked_at),
  }),
  toRow: (session: Session): SessionRow => ({
    id: session.id,
    user_id: session.userId,
    ...lifetimeRow(session),
    revoked_at: iso(session.revokedAt),
  }),
};

/** The same for a refresh token. */
export const refreshTokenMapper = {
  toDomain: (row: RefreshTokenRow): RefreshTokenRecord => ({
    tokenHash: row.token_hash,
    sessionId: row.session_id,
    ...lifetime(row),
    spentAt: optionalInstant(row.spent_at),
  }),
  toRow: (token: RefreshTokenRecord): RefreshTokenRow => ({
    token_hash: token.tokenHash,
    session_id: token.sessionId,
    ...lifetimeRow(token),
    spent_at: iso(token.spentAt),
  }),
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
