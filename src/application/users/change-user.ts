import { User, type UserPatch } from '../../domain/user.ts';
import type { Clock } from '../ports/clock.ts';
import type { SessionRepository } from '../ports/session-repository.ts';
import type { UserRepository } from '../ports/user-repository.ts';
import { versionedUpdate } from '../versioned-update.ts';

export interface ChangeUserDeps {
  users: UserRepository;
  sessions: SessionRepository;
  clock: Clock;
}

/**
 * The one path for admin edits of a user. The repository refuses, atomically with the write,
 * to demote or deactivate the last active admin (409 LAST_ADMIN): a count before the write
 * would let two admins demoting each other at once both pass. Deactivation revokes every
 * session at once, and so does a new password (`passwordHash`, an admin reset); a role
 * change needs nothing, since each request reads the role.
 */
export async function changeUser(
  deps: ChangeUserDeps,
  id: number,
  patch: UserPatch,
  ifMatch?: number,
  passwordHash?: string,
): Promise<User> {
  const now = deps.clock.now();
  const updated = await versionedUpdate(deps.users, 'user', id, ifMatch, (user) => {
    const changed = user.withChanges(patch, now);
    return passwordHash === undefined ? changed : User.restore({ ...changed, passwordHash });
  });
  if (!updated.active || passwordHash !== undefined) await deps.sessions.revokeAllForUser(id, now);
  return updated;
}
