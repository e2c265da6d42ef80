import type { CastingDeskTransaction } from '../ports/casting-desk.ts';

export interface ChangeStamp {
  by: string;
  at: Date;
  note: string;
}

/** A filled role's other live auditions end rejected, each with the change in its history. */
export async function endPendingAuditions(tx: CastingDeskTransaction, roleId: number, stamp: ChangeStamp): Promise<number> {
  const pending = await tx.lockPendingAuditions(roleId);
  for (const audition of pending) await tx.saveAudition(audition.moveTo('rejected', stamp.by, stamp.at, stamp.note));
  return pending.length;
}
