import type { User } from '../../domain/user.ts';
import type { Clock } from '../ports/clock.ts';
import type { SessionRepository } from '../ports/session-repository.ts';
import type { UserRepository } from '../ports/user-repository.ts';
import { changeUser, type ChangeUserDeps } from './change-user.ts';

/** DELETE /users/:id: the row stays, inactive; all its sessions are revoked. */
export class DeactivateUser {
  private readonly deps: ChangeUserDeps;

  constructor(users: UserRepository, sessions: SessionRepository, clock: Clock) {
    this.deps = { users, sessions, clock };
  }

  execute(input: { id: number; ifMatch?: number }): Promise<User> {
    return changeUser(this.deps, input.id, { active: false }, input.ifMatch);
  }
}
