import type { User, UserPatch } from '../../domain/user.ts';
import type { Clock } from '../ports/clock.ts';
import type { PasswordHasher } from '../ports/password-hasher.ts';
import type { SessionRepository } from '../ports/session-repository.ts';
import type { UserRepository } from '../ports/user-repository.ts';
import { changeUser, type ChangeUserDeps } from './change-user.ts';
import { checkNewPassword } from './replace-password.ts';

export interface UpdateUserInput {
  id: number;
  patch: UserPatch & { password?: string }; // name, username, role, active; password = an admin reset
  ifMatch?: number; // the version the client last saw
}

export class UpdateUser {
  private readonly deps: ChangeUserDeps;
  private readonly hasher: PasswordHasher;

  constructor(users: UserRepository, sessions: SessionRepository, clock: Clock, hasher: PasswordHasher) {
    this.deps = { users, sessions, clock };
    this.hasher = hasher;
  }

  /** A new password is checked against the policy and hashed before anything is written; it ends all the user's sessions. */
  async execute(input: UpdateUserInput): Promise<User> {
    const { password, ...patch } = input.patch;
    if (password !== undefined) checkNewPassword(password);
    const passwordHash = password === undefined ? undefined : await this.hasher.hash(password);
    return changeUser(this.deps, input.id, patch, input.ifMatch, passwordHash);
  }
}
