import type { Audition } from '../../domain/audition.ts';
import { roleNotOpen, scheduleConflict } from '../../domain/casting-workflow-errors.ts';
import { Casting } from '../../domain/casting.ts';
import type { MovieRole } from '../../domain/movie-role.ts';
import { overlaps, type ShootWindow } from '../../domain/shoot-window.ts';
import type { CastingDeskTransaction } from '../ports/casting-desk.ts';
import { endPendingAuditions } from './end-pending-auditions.ts';
import { lockFittingActor } from './lock-fitting-actor.ts';

/**
 * The accept step of MoveAudition, inside its transaction and the role's lock: with the
 * movie share-locked (its shoot cannot move meanwhile, see UpdateMovie) and the actor locked, they must still fit the role (ACTOR_DOES_NOT_FIT), no accepted part of theirs may overlap this shoot (SCHEDULE_CONFLICT); the
 * actor is cast with the role's name as character; when the accepted parts reach the
 * slots, the role is filled and its other pending auditions end rejected.
 */
export async function acceptOffer(tx: CastingDeskTransaction, role: MovieRole, accepted: Audition): Promise<Audition> {
  if (role.state === 'closed') throw roleNotOpen(role.id, role.state);
  const movie = await tx.lockMovie(role.movieId, 'share');
  await lockFittingActor(tx, role, accepted.actorId);
  await assertFreeDuring(tx, accepted.actorId, movie?.shootWindow() ?? null);
  await tx.insertCasting(Casting.create({ movieId: role.movieId, actorId: accepted.actorId, character: role.name }));
  await tx.saveAudition(accepted);
  const { at, by } = accepted.lastChange();
  const settled = role.settled((await tx.slotCounts(role.id)).accepted, at);
  if (settled !== role) await tx.saveRole(settled);
  if (settled.state === 'filled') await endPendingAuditions(tx, role.id, { by, at, note: 'the role was filled' });
  return accepted;
}

/**
 * SCHEDULE_CONFLICT when one of the actor's accepted parts overlaps `shoot` (parts in movie
 * `exceptMovieId` aside: a movie whose own shoot moves). Call with the actor locked.
 */
export async function assertFreeDuring(tx: CastingDeskTransaction, actorId: number, shoot: ShootWindow | null, exceptMovieId?: number) {
  const clash = (await tx.acceptedParts(actorId)).find((part) => part.movieId !== exceptMovieId && overlaps(part.shoot, shoot));
  if (clash) throw scheduleConflict(actorId, clash.roleId);
}
