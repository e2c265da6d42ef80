import { unauthorized } from '../../domain/auth-errors.ts';
import { hashRefreshToken, sessionIsLive } from '../../domain/session.ts';
import type { Clock } from '../ports/clock.ts';
import type { RandomSource } from '../ports/random-source.ts';
import type { RefreshTokenView, SessionRepository } from '../ports/session-repository.ts';
import type { TokenService } from '../ports/token-service.ts';
import type { UserRepository } from '../ports/user-repository.ts';
import { accessTokenFor, nextRefreshToken, pair, type TokenPair } from './token-pair.ts';

const invalidRefresh = (message = 'the refresh token is invalid or expired') => unauthorized('INVALID_REFRESH_TOKEN', message);

/**
 * Rotation: a refresh token is good once. Presenting a spent one — a replay, or losing a
 * race against another use of the same token — revokes its whole family (the session),
 * because the server cannot tell the thief from the owner. Of N concurrent refreshes of one
 * token exactly one returns a pair, and afterwards the family is revoked.
 */
export class RefreshTokens {
  private readonly users: UserRepository;
  private readonly sessions: SessionRepository;
  private readonly tokens: TokenService;
  private readonly random: RandomSource;
  private readonly clock: Clock;

  constructor(users: UserRepository, sessions: SessionRepository, tokens: TokenService, random: RandomSource, clock: Clock) {
    this.users = users;
    this.sessions = sessions;
    this.tokens = tokens;
    this.random = random;
    this.clock = clock;
  }

  async execute(input: { refreshToken: string }): Promise<TokenPair> {
    const now = this.clock.now();
    const tokenHash = hashRefreshToken(input.refreshToken);
    const found = await this.sessions.findRefreshToken(tokenHash);
    if (!found || !this.usable(found, now)) throw invalidRefresh();
    if (found.token.spentAt !== null || !(await this.sessions.spend(tokenHash, now))) {
      await this.sessions.revoke(found.session.id, now);
      throw invalidRefresh('the refresh token was already used; its session is revoked');
    }
    const user = await this.users.findById(found.session.userId);
    if (!user?.active) throw invalidRefresh();
    const refresh = nextRefreshToken(this.random, found.session, now);
    await this.sessions.addRefreshToken(refresh.record);
    return pair(await accessTokenFor(this.tokens, user, found.session.id), refresh.plain);
  }

  private usable(found: RefreshTokenView, now: Date): boolean {
    return sessionIsLive(found.session, now) && found.token.expiresAt.getTime() > now.getTime();
  }
}
