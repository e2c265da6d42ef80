import { forbidden } from '../../domain/auth-errors.ts';
import type { User } from '../../domain/user.ts';
import type { AuthSettings } from '../ports/auth-settings.ts';
import type { Clock } from '../ports/clock.ts';
import type { PasswordHasher } from '../ports/password-hasher.ts';
import type { UserRepository } from '../ports/user-repository.ts';
import { addUser, type NewUserInput } from './new-user.ts';

/** Self-service sign-up: always a casting assistant; refused when REGISTRATION=closed. */
export class RegisterUser {
  private readonly users: UserRepository;
  private readonly hasher: PasswordHasher;
  private readonly settings: AuthSettings;
  private readonly clock: Clock;

  constructor(users: UserRepository, hasher: PasswordHasher, settings: AuthSettings, clock: Clock) {
    this.users = users;
    this.hasher = hasher;
    this.settings = settings;
    this.clock = clock;
  }

  async execute(input: NewUserInput): Promise<User> {
    if (this.settings.registration === 'closed') throw forbidden('REGISTRATION_CLOSED', 'registration is closed');
    return addUser(this.users, this.hasher, input, 'casting_assistant', this.clock.now());
  }
}
