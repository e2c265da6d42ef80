import { DomainError, invalid } from '../../domain/errors.ts';
import { checkPasswordPolicy } from '../../domain/password-policy.ts';
import type { User } from '../../domain/user.ts';
import type { Clock } from '../ports/clock.ts';
import type { PasswordHasher } from '../ports/password-hasher.ts';
import type { SessionRepository } from '../ports/session-repository.ts';
import type { UserRepository } from '../ports/user-repository.ts';
import { versionedUpdate } from '../versioned-update.ts';

export interface PasswordDeps {
  users: UserRepository;
  sessions: SessionRepository;
  hasher: PasswordHasher;
  clock: Clock;
}

/** The password policy (422), with the problem reported at the client's field name. */
export function checkNewPassword(password: string, path = '/password'): void {
  try {
    checkPasswordPolicy(password);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw invalid(error.details.map((detail) => ({ ...detail, path })));
  }
}

/**
 * Stores a new password (policy checked, then hashed) and ends the user's sessions, all of
 * them or all but `keepSessionId`: whoever knew the old password is logged out.
 */
export async function replacePassword(deps: PasswordDeps, userId: number, password: string, keepSessionId?: string): Promise<User> {
  checkNewPassword(password);
  const passwordHash = await deps.hasher.hash(password);
  const now = deps.clock.now();
  const user = await versionedUpdate(deps.users, 'user', userId, undefined, (current) => current.withPasswordHash(passwordHash, now));
  await deps.sessions.revokeAllForUser(userId, now, keepSessionId);
  return user;
}
