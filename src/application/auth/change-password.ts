import { forbidden } from '../../domain/auth-errors.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import type { Principal } from '../../domain/principal.ts';
import type { Clock } from '../ports/clock.ts';
import type { PasswordHasher } from '../ports/password-hasher.ts';
import type { SessionRepository } from '../ports/session-repository.ts';
import type { UserRepository } from '../ports/user-repository.ts';
import { checkNewPassword, replacePassword, type PasswordDeps } from '../users/replace-password.ts';

export interface ChangePasswordInput {
  principal: Principal;
  currentPassword: string;
  newPassword: string;
}

/**
 * POST /auth/password: the caller proves the current password (403 WRONG_PASSWORD, not 401:
 * the token is fine and the client must not drop it), the new one meets the policy (422),
 * and every OTHER session of the user ends; the caller's session goes on.
 */
export class ChangePassword {
  private readonly deps: PasswordDeps;

  constructor(users: UserRepository, sessions: SessionRepository, hasher: PasswordHasher, clock: Clock) {
    this.deps = { users, sessions, hasher, clock };
  }

  async execute(input: ChangePasswordInput): Promise<void> {
    const { userId, sessionId, external } = input.principal;
    if (external || userId === undefined || sessionId === undefined) {
      throw conflict('EXTERNAL_SESSION', 'this account belongs to the external issuer; change its password there');
    }
    checkNewPassword(input.newPassword, '/new_password');
    const user = await this.deps.users.findById(userId);
    if (!user) throw notFound('user', userId);
    if (!(await this.deps.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw forbidden('WRONG_PASSWORD', 'the current password is wrong');
    }
    await replacePassword(this.deps, userId, input.newPassword, sessionId);
  }
}
