import type { Actor } from '../../domain/actor.ts';
import { notFound } from '../../domain/errors.ts';
import type { MovieRole } from '../../domain/movie-role.ts';
import type { CastingDeskTransaction } from '../ports/casting-desk.ts';

/**
 * Locks the audition's actor (after the role and the audition: the desk's lock order) and
 * checks they still fit the role as it is now (ACTOR_DOES_NOT_FIT): the role or the actor
 * may have changed since the invitation, and an edit racing this move waits on the locks.
 */
export async function lockFittingActor(tx: CastingDeskTransaction, role: MovieRole, actorId: number): Promise<Actor> {
  const actor = await tx.lockActor(actorId);
  if (!actor) throw notFound('actor', actorId);
  role.assertFits(actor);
  return actor;
}
