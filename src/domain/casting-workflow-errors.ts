import { DomainError, type ErrorDetail } from './errors.ts';

/*
 * The casting workflow's rules (docs/architecture.md, "The HTTP contract"), one code each. All are 409
 * conflicts with the current state of a role, an audition or a schedule, except a misfit,
 * which is a 422: the request is well formed but the actor breaks the role's description.
 */

export type CastingWorkflowCode =
  | 'INVALID_TRANSITION'
  | 'ALREADY_AUDITIONING'
  | 'NO_OPEN_SLOT'
  | 'SCHEDULE_CONFLICT'
  | 'ROLE_NOT_OPEN'
  | 'ROLE_STATE_CONFLICT'
  | 'ACTOR_DOES_NOT_FIT';

const workflowConflict = (code: Exclude<CastingWorkflowCode, 'ACTOR_DOES_NOT_FIT'>, message: string): DomainError =>
  new DomainError('conflict', code, message);

export const invalidTransition = (from: string, to: string): DomainError =>
  workflowConflict('INVALID_TRANSITION', `an audition cannot move from ${from} to ${to}`);

export const alreadyAuditioning = (actorId: number, roleId: number): DomainError =>
  workflowConflict('ALREADY_AUDITIONING', `actor ${actorId} already has a live audition for role ${roleId}`);

export const noOpenSlot = (roleId: number, slots: number): DomainError =>
  workflowConflict('NO_OPEN_SLOT', `role ${roleId} has all its ${slots} slot(s) offered or accepted`);

export const scheduleConflict = (actorId: number, otherRoleId: number): DomainError =>
  workflowConflict('SCHEDULE_CONFLICT', `actor ${actorId} has accepted role ${otherRoleId}, whose shoot overlaps this one`);

export const roleNotOpen = (roleId: number, state: string): DomainError =>
  workflowConflict('ROLE_NOT_OPEN', `role ${roleId} is ${state} and takes no new auditions or offers`);

/** `state: open` asked of a role whose accepted parts take all its slots: it would stay filled. */
export const roleStateConflict = (roleId: number, state: string, slots: number): DomainError =>
  workflowConflict(
    'ROLE_STATE_CONFLICT',
    `role ${roleId} is ${state} and cannot be opened: accepted auditions take all its ${slots} slot(s); raise slots to reopen it`,
  );

export const actorDoesNotFit = (details: ErrorDetail[]): DomainError =>
  new DomainError(
    'validation',
    'ACTOR_DOES_NOT_FIT',
    `the actor does not fit the role: ${details.map((d) => d.message).join('; ')}`,
    details,
  );
