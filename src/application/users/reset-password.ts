import { notFound } from '../../domain/errors.ts';
import type { User } from '../../domain/user.ts';
import type { Clock } from '../ports/clock.ts';
import type { PasswordHasher } from '../ports/password-hasher.ts';
import type { SessionRepository } from '../ports/session-repository.ts';
import type { UserRepository } from '../ports/user-repository.ts';
import { replacePassword, type PasswordDeps } from './replace-password.ts';

/** For operators (`npm run user:password`): a new password for a user by name; all its sessions end. */
export class ResetPassword {
  private readonly deps: PasswordDeps;

  constructor(users: UserRepository, sessions: SessionRepository, hasher: PasswordHasher, clock: Clock) {
    this.deps = { users, sessions, hasher, clock };
  }

  async execute(input: { username: string; password: string }): Promise<User> {
    const user = await this.deps.users.findByUsername(input.username);
    if (!user) throw notFound('user', input.username);
    return replacePassword(this.deps, user.id, input.password);
  }
}
