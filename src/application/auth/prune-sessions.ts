import type { Clock } from '../ports/clock.ts';
import type { SessionRepository } from '../ports/session-repository.ts';

/**
 * The periodic sweep: deletes expired sessions (with their refresh tokens, spent ones
 * included) and sessions revoked longer ago than an access token lives — after that none of
 * their tokens can still be presented with a valid signature, so "session ended" is moot.
 * One idempotent DELETE: several instances may sweep at once.
 */
export class PruneSessions {
  private readonly sessions: SessionRepository;
  private readonly clock: Clock;

  constructor(sessions: SessionRepository, clock: Clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  execute(input: { revokedGraceSeconds: number }): Promise<number> {
    const now = this.clock.now();
    return this.sessions.prune(now, new Date(now.getTime() - input.revokedGraceSeconds * 1000));
  }
}
