import type { Permission } from './permissions.ts';

export const AUDITION_STATES = [
  'invited',
  'auditioned',
  'shortlisted',
  'offered',
  'accepted',
  'declined',
  'rejected',
  'withdrawn',
] as const;
export type AuditionState = (typeof AUDITION_STATES)[number];

const MANAGE: Permission = 'manage:auditions';
const OFFER: Permission = 'make:offers';
/** Rejecting or withdrawing is possible from every state before accepted. */
const ENDINGS = { rejected: MANAGE, withdrawn: MANAGE } as const;

/**
 * The state graph as data: from each state, the states it may move to and the permission
 * each move needs. A move not in this table is INVALID_TRANSITION. Up to a shortlist (and
 * rejecting, withdrawing) is casting work; offering, accepting and declining are a producer's.
 */
export const AUDITION_MOVES: Readonly<Record<AuditionState, Readonly<Partial<Record<AuditionState, Permission>>>>> = {
  invited: { auditioned: MANAGE, ...ENDINGS },
  auditioned: { shortlisted: MANAGE, ...ENDINGS },
  shortlisted: { offered: OFFER, ...ENDINGS },
  offered: { accepted: OFFER, declined: OFFER, ...ENDINGS },
  accepted: {},
  declined: {},
  rejected: {},
  withdrawn: {},
};

/** The permission a move needs, or null when the graph has no such move. */
export function permissionForMove(from: AuditionState, to: AuditionState): Permission | null {
  return AUDITION_MOVES[from][to] ?? null;
}

/** States that still hold the actor for the role: one per actor and role (ALREADY_AUDITIONING). */
export const LIVE_STATES: readonly AuditionState[] = ['invited', 'auditioned', 'shortlisted', 'offered', 'accepted'];
/** States that use one of the role's slots (NO_OPEN_SLOT). */
export const SLOT_STATES: readonly AuditionState[] = ['offered', 'accepted'];
/** Live states that can still move: what a filled role ends as rejected. */
export const PENDING_STATES: readonly AuditionState[] = ['invited', 'auditioned', 'shortlisted', 'offered'];

export const isAuditionState = (value: string): value is AuditionState => (AUDITION_STATES as readonly string[]).includes(value);
