import type { RefreshTokenView, SessionRepository } from '../../../application/ports/session-repository.ts';
import type { UserRepository } from '../../../application/ports/user-repository.ts';
import type { AccessRecord, RefreshTokenRecord, Session } from '../../../domain/session.ts';

/**
 * Map-backed sessions. `spend` checks and sets in one synchronous step, which is atomic on
 * the single JavaScript thread — the in-memory stand-in for a conditional UPDATE.
 */
export class InMemorySessionRepository implements SessionRepository {
  private readonly sessions = new Map<string, Session>();
  private readonly tokens = new Map<string, RefreshTokenRecord>();
  private readonly users: Pick<UserRepository, 'findById'>;

  constructor(users: Pick<UserRepository, 'findById'>) {
    this.users = users;
  }

  async create(session: Session, firstToken: RefreshTokenRecord): Promise<void> {
    this.sessions.set(session.id, { ...session });
    this.tokens.set(firstToken.tokenHash, { ...firstToken });
  }

  async findRefreshToken(tokenHash: string): Promise<RefreshTokenView | null> {
    const token = this.tokens.get(tokenHash);
    const session = token && this.sessions.get(token.sessionId);
    return token && session ? { token: { ...token }, session: { ...session } } : null;
  }

  async spend(tokenHash: string, now: Date): Promise<boolean> {
    const token = this.tokens.get(tokenHash);
    if (!token || token.spentAt !== null) return false;
    token.spentAt = now;
    return true;
  }

  async addRefreshToken(token: RefreshTokenRecord): Promise<void> {
    this.tokens.set(token.tokenHash, { ...token });
  }

  async revoke(sessionId: string, now: Date): Promise<void> {
    const session = this.sessions.get(sessionId);
    if (session && session.revokedAt === null) session.revokedAt = now;
  }

  async revokeAllForUser(userId: number, now: Date, keepSessionId?: string): Promise<void> {
    for (const session of this.sessions.values()) {
      if (session.userId === userId && session.revokedAt === null && session.id !== keepSessionId) session.revokedAt = now;
    }
  }

  async prune(now: Date, revokedBefore: Date): Promise<number> {
    const gone = [...this.sessions.values()].filter(
      (s) => s.expiresAt.getTime() <= now.getTime() || (s.revokedAt !== null && s.revokedAt.getTime() <= revokedBefore.getTime()),
    );
    for (const session of gone) this.sessions.delete(session.id);
    for (const [hash, token] of this.tokens) if (!this.sessions.has(token.sessionId)) this.tokens.delete(hash);
    return gone.length;
  }

  async findActiveAccess(sessionId: string): Promise<AccessRecord | null> {
    const session = this.sessions.get(sessionId);
    const user = session && (await this.users.findById(session.userId));
    if (!session || !user) return null;
    return {
      userId: user.id,
      role: user.role,
      active: user.active,
      sessionRevoked: session.revokedAt !== null,
      sessionExpiresAt: session.expiresAt,
    };
  }
}
