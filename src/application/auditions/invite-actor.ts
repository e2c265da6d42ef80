import { Audition } from '../../domain/audition.ts';
import { notFound } from '../../domain/errors.ts';
import type { CastingDesk } from '../ports/casting-desk.ts';
import type { Clock } from '../ports/clock.ts';

export interface InviteActorInput {
  roleId: number;
  actorId: number;
  scheduledAt?: Date | null;
  note?: string | null;
  by: string;
}

/**
 * Invites an actor to audition. The role must be open (ROLE_NOT_OPEN) and locked while the
 * invitation is stored, the actor must fit it (ACTOR_DOES_NOT_FIT), and may hold one live
 * audition per role (ALREADY_AUDITIONING, which the store enforces).
 */
export class InviteActor {
  private readonly desk: CastingDesk;
  private readonly clock: Clock;
  constructor(desk: CastingDesk, clock: Clock) {
    this.desk = desk;
    this.clock = clock;
  }

  execute(input: InviteActorInput): Promise<Audition> {
    return this.desk.transaction(async (tx) => {
      const role = await tx.lockRole(input.roleId);
      if (!role) throw notFound('role', input.roleId);
      const actor = await tx.lockActor(input.actorId);
      if (!actor) throw notFound('actor', input.actorId);
      role.assertOpen();
      role.assertFits(actor);
      return tx.insertAudition(Audition.invite(input, this.clock.now()));
    });
  }
}
