import type { User } from '../../domain/user.ts';
import type { Clock } from '../ports/clock.ts';
import type { PasswordHasher } from '../ports/password-hasher.ts';
import type { UserRepository } from '../ports/user-repository.ts';
import { addUser } from './new-user.ts';

export interface EnsureAdminInput {
  username: string; // ADMIN_USERNAME
  password: string; // ADMIN_PASSWORD, held to the password policy like any other
  name?: string;
}

/**
 * At start: create this admin when no active admin exists, so a fresh install (or one
 * whose admins were all deactivated) can be administered. Otherwise does nothing. A taken
 * username is a conflict (USERNAME_TAKEN): the operator must choose another.
 */
export class EnsureAdmin {
  private readonly users: UserRepository;
  private readonly hasher: PasswordHasher;
  private readonly clock: Clock;

  constructor(users: UserRepository, hasher: PasswordHasher, clock: Clock) {
    this.users = users;
    this.hasher = hasher;
    this.clock = clock;
  }

  async execute(input: EnsureAdminInput): Promise<{ created: User | null }> {
    if ((await this.users.countActiveAdmins()) > 0) return { created: null };
    const fields = { name: input.name ?? 'Administrator', username: input.username, password: input.password };
    return { created: await addUser(this.users, this.hasher, fields, 'admin', this.clock.now()) };
  }
}
