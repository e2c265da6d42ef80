import type { Clock } from '../ports/clock.ts';
import type { SessionRepository } from '../ports/session-repository.ts';

/**
 * Ends the caller's session: its refresh tokens and, because every request checks the
 * session, its access tokens. External principals have no session: nothing to do.
 */
export class Logout {
  private readonly sessions: SessionRepository;
  private readonly clock: Clock;

  constructor(sessions: SessionRepository, clock: Clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  async execute(input: { sessionId?: string }): Promise<void> {
    if (input.sessionId === undefined) return;
    await this.sessions.revoke(input.sessionId, this.clock.now());
  }
}
