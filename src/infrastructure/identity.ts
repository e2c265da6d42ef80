import { randomBytes } from 'node:crypto';
import { InMemorySessionRepository } from '../adapters/persistence/in-memory/in-memory-session-repository.ts';
import { InMemoryUserRepository } from '../adapters/persistence/in-memory/in-memory-user-repository.ts';
import { Argon2idPasswordHasher } from '../adapters/security/argon2id-password-hasher.ts';
import { JwksExternalTokenVerifier } from '../adapters/security/jwks-external-token-verifier.ts';
import { JwtTokenService } from '../adapters/security/jwt-token-service.ts';
import { NodeCryptoRandomSource } from '../adapters/security/node-crypto-random-source.ts';
import { SystemClock } from '../adapters/security/system-clock.ts';
import type { AuthSettings } from '../application/ports/auth-settings.ts';
import type { Clock } from '../application/ports/clock.ts';
import type { ExternalTokenVerifier } from '../application/ports/external-token-verifier.ts';
import type { PasswordHasher } from '../application/ports/password-hasher.ts';
import type { RandomSource } from '../application/ports/random-source.ts';
import type { SessionRepository } from '../application/ports/session-repository.ts';
import type { TokenService } from '../application/ports/token-service.ts';
import type { UserRepository } from '../application/ports/user-repository.ts';
import type { Config } from './config.ts';

/** Own tokens name this service as issuer and its API as audience. */
export const TOKEN_ISSUER = 'marquee';
export const TOKEN_AUDIENCE = 'marquee-api';

/** Everything the identity use cases depend on besides the catalog. */
export interface IdentityServices {
  users: UserRepository;
  sessions: SessionRepository;
  hasher: PasswordHasher;
  tokens: TokenService;
  external: ExternalTokenVerifier | null;
  clock: Clock;
  random: RandomSource;
  settings: AuthSettings;
}

/** In-memory accounts and a throw-away secret: what tests and tools get unless they say otherwise. */
export function defaultIdentity(overrides: Partial<IdentityServices> = {}): IdentityServices {
  const clock = overrides.clock ?? new SystemClock();
  const users = overrides.users ?? new InMemoryUserRepository();
  const tokens = new JwtTokenService({
    secret: randomBytes(32),
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    accessTokenTtlSeconds: 900,
    clock,
  });
  return {
    users,
    sessions: new InMemorySessionRepository(users),
    hasher: new Argon2idPasswordHasher(),
    tokens,
    external: null,
    clock,
    random: new NodeCryptoRandomSource(),
    settings: { registration: 'open', refreshTokenTtlSeconds: 30 * 86_400 },
    ...overrides,
  };
}

/** Production identity from the validated configuration, on the given (database) repositories. */
export function identityFromConfig(config: Config, repositories: Pick<IdentityServices, 'users' | 'sessions'>): IdentityServices {
  const clock = new SystemClock();
  const tokens = new JwtTokenService({
    secret: config.jwtSecret,
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    clock,
  });
  const external = config.externalAuth ? new JwksExternalTokenVerifier({ ...config.externalAuth, clock }) : null;
  const settings = { registration: config.registration, refreshTokenTtlSeconds: config.refreshTokenTtlSeconds };
  return defaultIdentity({ ...repositories, clock, tokens, external, settings });
}
