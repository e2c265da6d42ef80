import { notFound, staleVersion } from '../../domain/errors.ts';
import type { MovieRole, RolePatch } from '../../domain/movie-role.ts';
import { endPendingAuditions } from '../auditions/end-pending-auditions.ts';
import type { CastingDesk } from '../ports/casting-desk.ts';
import type { Clock } from '../ports/clock.ts';

export interface UpdateRoleInput {
  id: number;
  patch: RolePatch;
  ifMatch?: number;
  /** Who asks: recorded on auditions that end because fewer slots filled the role. */
  by: string;
}

/**
 * Changes a role under its lock: slots are checked against the auditions offered or
 * accepted at that moment, and a role that the change fills ends its pending auditions.
 * Closing (`state: closed`) and reopening go through here too.
 */
export class UpdateRole {
  private readonly desk: CastingDesk;
  private readonly clock: Clock;
  constructor(desk: CastingDesk, clock: Clock) {
    this.desk = desk;
    this.clock = clock;
  }

  execute(input: UpdateRoleInput): Promise<MovieRole> {
    return this.desk.transaction(async (tx) => {
      const role = await tx.lockRole(input.id);
      if (!role) throw notFound('role', input.id);
      if (input.ifMatch !== undefined && role.version !== input.ifMatch) throw staleVersion('role');
      const now = this.clock.now();
      const changed = role.withChanges(input.patch, await tx.slotCounts(role.id), now);
      await tx.saveRole(changed);
      if (changed.state === 'filled' && role.state !== 'filled') {
        await endPendingAuditions(tx, changed.id, { by: input.by, at: now, note: 'the role was filled' });
      }
      return changed;
    });
  }
}
