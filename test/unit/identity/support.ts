import type { AuthSettings } from '../../../src/application/ports/auth-settings.ts';
import type { Clock } from '../../../src/application/ports/clock.ts';
import type { ExternalTokenVerifier } from '../../../src/application/ports/external-token-verifier.ts';
import type { PasswordHasher } from '../../../src/application/ports/password-hasher.ts';
import { Authenticate } from '../../../src/application/auth/authenticate.ts';
import { Login } from '../../../src/application/auth/login.ts';
import { Logout } from '../../../src/application/auth/logout.ts';
import { RefreshTokens } from '../../../src/application/auth/refresh-tokens.ts';
import { CreateUser } from '../../../src/application/users/create-user.ts';
import { RegisterUser } from '../../../src/application/users/register-user.ts';
import { InMemorySessionRepository } from '../../../src/adapters/persistence/in-memory/in-memory-session-repository.ts';
import { InMemoryUserRepository } from '../../../src/adapters/persistence/in-memory/in-memory-user-repository.ts';
import { JwtTokenService } from '../../../src/adapters/security/jwt-token-service.ts';
import { NodeCryptoRandomSource } from '../../../src/adapters/security/node-crypto-random-source.ts';
import type { Role } from '../../../src/domain/permissions.ts';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  private current: Date;
  constructor(start = new Date('2026-01-01T00:00:00Z')) {
    this.current = start;
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

/** Argon2id costs ~tens of ms per call; use cases only need a hasher that keeps its promise. */
export class FakeHasher implements PasswordHasher {
  verifications = 0;
  async hash(password: string): Promise<string> {
    return `fake$${password}`;
  }
  async verify(hash: string, password: string): Promise<boolean> {
    this.verifications++;
    return hash === `fake$${password}`;
  }
}

export const GOOD_PASSWORD = 'Secret123';

export function identityKit(options: { settings?: Partial<AuthSettings>; external?: ExternalTokenVerifier } = {}) {
  const clock = new ManualClock();
  const users = new InMemoryUserRepository();
  const sessions = new InMemorySessionRepository(users);
  const hasher = new FakeHasher();
  const random = new NodeCryptoRandomSource();
  const settings: AuthSettings = { registration: 'open', refreshTokenTtlSeconds: 30 * 24 * 3600, ...options.settings };
  const tokens = new JwtTokenService({
    secret: 'x'.repeat(32),
    issuer: 'marquee',
    audience: 'marquee-api',
    accessTokenTtlSeconds: 900,
    clock,
  });
  const kit = {
    clock,
    users,
    sessions,
    hasher,
    tokens,
    settings,
    register: new RegisterUser(users, hasher, settings, clock),
    createUser: new CreateUser(users, hasher, clock),
    login: new Login(users, sessions, hasher, tokens, random, clock, settings),
    refresh: new RefreshTokens(users, sessions, tokens, random, clock),
    logout: new Logout(sessions, clock),
    authenticate: new Authenticate(tokens, sessions, options.external ?? null, clock),
  };
  return { ...kit, userWithLogin: (username: string, role: Role = 'casting_assistant') => userWithLogin(kit, username, role) };
}

type Kit = Omit<ReturnType<typeof identityKit>, 'userWithLogin'>;

async function userWithLogin(kit: Kit, username: string, role: Role) {
  const user = await kit.createUser.execute({ name: username, username, password: GOOD_PASSWORD, role });
  const pair = await kit.login.execute({ username, password: GOOD_PASSWORD });
  return { user, pair };
}
