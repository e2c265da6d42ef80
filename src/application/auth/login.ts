import { unauthorized } from '../../domain/auth-errors.ts';
import type { Session } from '../../domain/session.ts';
import type { User } from '../../domain/user.ts';
import type { AuthSettings } from '../ports/auth-settings.ts';
import type { Clock } from '../ports/clock.ts';
import type { PasswordHasher } from '../ports/password-hasher.ts';
import type { RandomSource } from '../ports/random-source.ts';
import type { SessionRepository } from '../ports/session-repository.ts';
import type { TokenService } from '../ports/token-service.ts';
import type { UserRepository } from '../ports/user-repository.ts';
import { accessTokenFor, nextRefreshToken, pair, type TokenPair } from './token-pair.ts';

export interface LoginInput {
  username: string;
  password: string;
}

/** The same error for an unknown user, a wrong password and an inactive account: no enumeration. */
export const invalidCredentials = () => unauthorized('INVALID_CREDENTIALS', 'username or password is wrong');

export class Login {
  private readonly users: UserRepository;
  private readonly sessions: SessionRepository;
  private readonly hasher: PasswordHasher;
  private readonly tokens: TokenService;
  private readonly random: RandomSource;
  private readonly clock: Clock;
  private readonly settings: AuthSettings;
  private dummyHash: Promise<string> | undefined;

  constructor(
    users: UserRepository,
    sessions: SessionRepository,
    hasher: PasswordHasher,
    tokens: TokenService,
    random: RandomSource,
    clock: Clock,
    settings: AuthSettings,
  ) {
    this.users = users;
    this.sessions = sessions;
    this.hasher = hasher;
    this.tokens = tokens;
    this.random = random;
    this.clock = clock;
    this.settings = settings;
  }

  async execute(input: LoginInput): Promise<TokenPair> {
    const user = await this.users.findByUsername(input.username);
    // An unknown user still costs one hash verification, so timing does not tell them apart.
    const matches = await this.hasher.verify(user?.passwordHash ?? (await this.dummy()), input.password);
    if (!user || !matches || !user.active) throw invalidCredentials();
    return this.openSession(user);
  }

  private async openSession(user: User): Promise<TokenPair> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.settings.refreshTokenTtlSeconds * 1000);
    const session: Session = { id: this.random.uuid(), userId: user.id, createdAt: now, expiresAt, revokedAt: null };
    const refresh = nextRefreshToken(this.random, session, now);
    await this.sessions.create(session, refresh.record);
    return pair(await accessTokenFor(this.tokens, user, session.id), refresh.plain);
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(this.random.token());
    return this.dummyHash;
  }
}
