import type { Role } from '../../domain/permissions.ts';
import type { User } from '../../domain/user.ts';
import type { Clock } from '../ports/clock.ts';
import type { PasswordHasher } from '../ports/password-hasher.ts';
import type { UserRepository } from '../ports/user-repository.ts';
import { addUser, type NewUserInput } from './new-user.ts';

/** A user with any role, for operators (the command-line script), not for HTTP sign-up. */
export class CreateUser {
  private readonly users: UserRepository;
  private readonly hasher: PasswordHasher;
  private readonly clock: Clock;

  constructor(users: UserRepository, hasher: PasswordHasher, clock: Clock) {
    this.users = users;
    this.hasher = hasher;
    this.clock = clock;
  }

  execute(input: NewUserInput & { role: Role }): Promise<User> {
    return addUser(this.users, this.hasher, input, input.role, this.clock.now());
  }
}
