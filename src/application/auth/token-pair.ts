import { permissionsOf } from '../../domain/permissions.ts';
import { hashRefreshToken, type Session } from '../../domain/session.ts';
import type { User } from '../../domain/user.ts';
import type { RandomSource } from '../ports/random-source.ts';
import type { SessionRepository } from '../ports/session-repository.ts';
import type { TokenService } from '../ports/token-service.ts';

/** What login and refresh hand to the client. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number; // seconds the access token lives
}

export interface TokenPairDeps {
  sessions: SessionRepository;
  tokens: TokenService;
  random: RandomSource;
}

/** A fresh refresh token of `session`'s family: the plain token and the record that stores its hash. */
export function nextRefreshToken(random: RandomSource, session: Session, now: Date) {
  const plain = random.token();
  const record = { tokenHash: hashRefreshToken(plain), sessionId: session.id, createdAt: now, expiresAt: session.expiresAt, spentAt: null };
  return { plain, record };
}

export async function accessTokenFor(tokens: TokenService, user: User, sessionId: string) {
  return tokens.issueAccessToken({
    userId: user.id,
    name: user.name,
    username: user.username,
    sessionId,
    permissions: permissionsOf(user.role),
  });
}

export function pair(access: { token: string; expiresIn: number }, refreshToken: string): TokenPair {
  return { accessToken: access.token, refreshToken, tokenType: 'Bearer', expiresIn: access.expiresIn };
}
