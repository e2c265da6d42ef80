import type { Movie } from '../../domain/movie.ts';
import { assertFreeDuring } from '../auditions/accept-offer.ts';
import type { CastingDeskTransaction } from '../ports/casting-desk.ts';

/**
 * SCHEDULE_CONFLICT when moving the movie's shoot to `changed`'s would make an actor with an
 * accepted part in it overlap another of their accepted parts: the rule accepting checks,
 * which a later edit of the shoot must not bypass. Call with the movie locked for update;
 * each actor is locked (in id order, as the desk wants) before their parts are read, so an
 * accept racing this edit either commits first and is seen, or waits and sees the new shoot.
 */
export async function assertCastFreeDuring(tx: CastingDeskTransaction, changed: Movie): Promise<void> {
  const shoot = changed.shootWindow();
  if (shoot === null) return;
  for (const actorId of await tx.actorsAcceptedIn(changed.id)) {
    await tx.lockActor(actorId);
    await assertFreeDuring(tx, actorId, shoot, changed.id);
  }
}
