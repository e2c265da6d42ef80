import type { User, UserPatch } from '../../domain/user.ts';
import type { Clock } from '../ports/clock.ts';
import type { SessionRepository } from '../ports/session-repository.ts';
import type { UserRepository } from '../ports/user-repository.ts';
import { changeUser, type ChangeUserDeps } from './change-user.ts';

export interface UpdateUserInput {
  id: number;
  patch: UserPatch; // name, username, role, active
  ifMatch?: number; // the version the client last saw
}

export class UpdateUser {
  private readonly deps: ChangeUserDeps;

  constructor(users: UserRepository, sessions: SessionRepository, clock: Clock) {
    this.deps = { users, sessions, clock };
  }

  execute(input: UpdateUserInput): Promise<User> {
    return changeUser(this.deps, input.id, input.patch, input.ifMatch);
  }
}
