import { conflict, notFound } from '../../domain/errors.ts';
import type { User, UserPatch } from '../../domain/user.ts';
import type { Clock } from '../ports/clock.ts';
import type { SessionRepository } from '../ports/session-repository.ts';
import type { UserRepository } from '../ports/user-repository.ts';
import { versionedUpdate } from '../versioned-update.ts';

export interface ChangeUserDeps {
  users: UserRepository;
  sessions: SessionRepository;
  clock: Clock;
}

const isActiveAdmin = (user: User) => user.active && user.role === 'admin';

/**
 * The one path for admin edits of a user. Refuses to demote or deactivate the last active
 * admin (409 LAST_ADMIN). Deactivation revokes every session at once; a role change needs
 * nothing, since each request reads the role from the database.
 */
export async function changeUser(deps: ChangeUserDeps, id: number, patch: UserPatch, ifMatch?: number): Promise<User> {
  const current = await deps.users.findById(id);
  if (!current) throw notFound('user', id);
  const losesAdmin = isActiveAdmin(current) && (patch.active === false || (patch.role !== undefined && patch.role !== 'admin'));
  if (losesAdmin && (await deps.users.countActiveAdmins()) <= 1) {
    throw conflict('LAST_ADMIN', 'the last active admin cannot be demoted or deactivated');
  }
  const now = deps.clock.now();
  const updated = await versionedUpdate(deps.users, 'user', id, ifMatch, (user) => user.withChanges(patch, now));
  if (!updated.active) await deps.sessions.revokeAllForUser(id, now);
  return updated;
}
