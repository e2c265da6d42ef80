import { forbidden } from '../../domain/auth-errors.ts';
import type { Audition } from '../../domain/audition.ts';
import { permissionForMove, type AuditionState } from '../../domain/audition-states.ts';
import { noOpenSlot, roleNotOpen } from '../../domain/casting-workflow-errors.ts';
import { notFound, staleVersion } from '../../domain/errors.ts';
import type { MovieRole } from '../../domain/movie-role.ts';
import type { Permission } from '../../domain/permissions.ts';
import type { CastingDeskTransaction, CastingDesk } from '../ports/casting-desk.ts';
import type { Clock } from '../ports/clock.ts';
import { acceptOffer } from './accept-offer.ts';
import { lockFittingActor } from './lock-fitting-actor.ts';

export interface MoveAuditionInput {
  auditionId: number;
  to: AuditionState;
  note?: string | null;
  ifMatch?: number;
  /** Who moves it: their subject goes into the history, their permissions decide (403). */
  by: { subject: string; permissions: readonly Permission[] };
}

/**
 * Moves an audition along the state graph, in one transaction holding the role's lock (and
 * the actor's when offering or accepting): INVALID_TRANSITION off the graph, FORBIDDEN
 * without the move's permission, ROLE_NOT_OPEN on a closed role, ACTOR_DOES_NOT_FIT when the
 * actor no longer fits the role as it is now, NO_OPEN_SLOT when offering past the slots.
 * Moves that end an audition are allowed for a misfit. Accepting casts the actor and may
 * fill the role (see acceptOffer).
 */
export class MoveAudition {
  private readonly desk: CastingDesk;
  private readonly clock: Clock;
  constructor(desk: CastingDesk, clock: Clock) {
    this.desk = desk;
    this.clock = clock;
  }

  execute(input: MoveAuditionInput): Promise<Audition> {
    return this.desk.transaction(async (tx) => {
      const { role, audition } = await lockRoleAndAudition(tx, input.auditionId);
      if (input.ifMatch !== undefined && audition.version !== input.ifMatch) throw staleVersion('audition');
      assertAllowed(audition.state, input);
      const moved = audition.moveTo(input.to, input.by.subject, this.clock.now(), input.note);
      if (input.to === 'offered') await assertOfferable(tx, role, moved.actorId);
      if (input.to === 'accepted') return acceptOffer(tx, role, moved);
      await tx.saveAudition(moved);
      return moved;
    });
  }
}

/** The role first, then the audition (read again under the lock: it may have moved meanwhile). */
async function lockRoleAndAudition(tx: CastingDeskTransaction, auditionId: number) {
  const unlocked = await tx.findAudition(auditionId);
  if (!unlocked) throw notFound('audition', auditionId);
  const role = await tx.lockRole(unlocked.roleId);
  const audition = await tx.lockAudition(auditionId);
  if (!role || !audition) throw notFound('audition', auditionId);
  return { role, audition };
}

function assertAllowed(from: AuditionState, input: MoveAuditionInput): void {
  const permission = permissionForMove(from, input.to);
  if (permission !== null && !input.by.permissions.includes(permission)) {
    throw forbidden('FORBIDDEN', `moving an audition to ${input.to} needs the permission ${permission}`);
  }
}

async function assertOfferable(tx: CastingDeskTransaction, role: MovieRole, actorId: number): Promise<void> {
  if (role.state === 'closed') throw roleNotOpen(role.id, role.state);
  await lockFittingActor(tx, role, actorId);
  if ((await tx.slotCounts(role.id)).taken >= role.slots) throw noOpenSlot(role.id, role.slots);
}
