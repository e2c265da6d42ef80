import { conflict } from '../../domain/errors.ts';
import type { Principal } from '../../domain/principal.ts';
import type { Clock } from '../ports/clock.ts';
import type { SessionRepository } from '../ports/session-repository.ts';

/**
 * Ends the caller's session: its refresh tokens and, because every request checks the
 * session, its access tokens. A token of the external issuer has no session here: this
 * service cannot end it (it stays good until it expires), so saying "logged out" would be
 * a lie: 409 EXTERNAL_SESSION tells the client to log out at its issuer.
 */
export class Logout {
  private readonly sessions: SessionRepository;
  private readonly clock: Clock;

  constructor(sessions: SessionRepository, clock: Clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  async execute(input: { principal: Principal }): Promise<void> {
    const { sessionId, external } = input.principal;
    if (external || sessionId === undefined) {
      throw conflict('EXTERNAL_SESSION', 'this token belongs to the external issuer; nothing was revoked: log out there');
    }
    await this.sessions.revoke(sessionId, this.clock.now());
  }
}
