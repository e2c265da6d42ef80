import type { RefreshTokenView } from '../../../application/ports/session-repository.ts';
import type { Role } from '../../../domain/permissions.ts';
import type { AccessRecord, RefreshTokenRecord, Session } from '../../../domain/session.ts';
import { epochMs } from './sql-query.ts';

/** Session ids are uuids; anything else cannot name a session and must not reach a uuid column. */
export const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

const instant = (ms: number): Date => new Date(ms);
const optionalInstant = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));
const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** A refresh token and its session, joined; columns prefixed so neither shadows the other. */
export const TOKEN_VIEW_COLUMNS = [
  't.token_hash',
  't.session_id',
  epochMs('t.created_at', 't_created_ms'),
  epochMs('t.expires_at', 't_expires_ms'),
  epochMs('t.spent_at', 't_spent_ms'),
  's.user_id',
  epochMs('s.created_at', 's_created_ms'),
  epochMs('s.expires_at', 's_expires_ms'),
  epochMs('s.revoked_at', 's_revoked_ms'),
].join(', ');

export interface TokenViewRow {
  token_hash: string;
  session_id: string;
  t_created_ms: number;
  t_expires_ms: number;
  t_spent_ms: number | null;
  user_id: number;
  s_created_ms: number;
  s_expires_ms: number;
  s_revoked_ms: number | null;
}

export function tokenViewFromRow(row: TokenViewRow): RefreshTokenView {
  const session: Session = {
    id: row.session_id,
    userId: row.user_id,
    createdAt: instant(row.s_created_ms),
    expiresAt: instant(row.s_expires_ms),
    revokedAt: optionalInstant(row.s_revoked_ms),
  };
  const token: RefreshTokenRecord = {
    tokenHash: row.token_hash,
    sessionId: row.session_id,
    createdAt: instant(row.t_created_ms),
    expiresAt: instant(row.t_expires_ms),
    spentAt: optionalInstant(row.t_spent_ms),
  };
  return { token, session };
}

/** Only what the per-request check needs: no hash, no name, nothing to hydrate. */
export const ACCESS_COLUMNS = `s.user_id, u.role, u.active, s.revoked_at is not null as revoked, ${epochMs('s.expires_at', 'expires_ms')}`;

export interface AccessRow {
  user_id: number;
  role: Role;
  active: boolean;
  revoked: boolean;
  expires_ms: number;
}

export const accessFromRow = (row: AccessRow): AccessRecord => ({
  userId: row.user_id,
  role: row.role,
  active: row.active,
  sessionRevoked: row.revoked,
  sessionExpiresAt: instant(row.expires_ms),
});

export const sessionValues = (session: Session): unknown[] => [
  session.id,
  session.userId,
  iso(session.createdAt),
  iso(session.expiresAt),
  iso(session.revokedAt),
];

export const tokenValues = (token: RefreshTokenRecord): unknown[] => [
  token.tokenHash,
  token.sessionId,
  iso(token.createdAt),
  iso(token.expiresAt),
  iso(token.spentAt),
];
