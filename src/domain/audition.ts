import type { AuditionState } from './audition-states.ts';
import { permissionForMove } from './audition-states.ts';
import { invalidTransition } from './casting-workflow-errors.ts';
import { Rules } from './rules.ts';

/** One change of an audition's state; `from` is null for the invitation that created it. */
export interface AuditionChange {
  from: AuditionState | null;
  to: AuditionState;
  /** Who made the change: the principal's subject (an own user's id as text, or the external `sub`). */
  by: string;
  at: Date;
  note: string | null;
}

export interface AuditionInput {
  roleId: number;
  actorId: number;
  scheduledAt?: Date | null;
  by: string;
  note?: string | null;
}

export interface AuditionProps {
  id: number;
  roleId: number;
  actorId: number;
  state: AuditionState;
  scheduledAt: Date | null;
  history: readonly AuditionChange[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** An actor considered for a role; every state change is kept in its history, oldest first. */
export class Audition implements AuditionProps {
  readonly id!: number;
  readonly roleId!: number;
  readonly actorId!: number;
  readonly state!: AuditionState;
  readonly scheduledAt!: Date | null;
  readonly history!: readonly AuditionChange[];
  readonly createdAt!: Date;
  readonly updatedAt!: Date;
  readonly version!: number;

  private constructor(props: AuditionProps) {
    Object.assign(this, props);
  }

  /** A new invitation. Fit, open role and one live audition per actor are the use case's checks. */
  static invite(input: AuditionInput, now: Date): Audition {
    const note = validNote(input.note);
    const history = [{ from: null, to: 'invited' as const, by: input.by, at: now, note }];
    const base = { id: 0, roleId: input.roleId, actorId: input.actorId, scheduledAt: input.scheduledAt ?? null };
    return new Audition({ ...base, state: 'invited', history, createdAt: now, updatedAt: now, version: 1 });
  }

  static restore(props: AuditionProps): Audition {
    return new Audition(props);
  }

  /** The audition moved to `to`, with the change recorded; INVALID_TRANSITION off the graph. */
  moveTo(to: AuditionState, by: string, now: Date, note?: string | null): Audition {
    if (permissionForMove(this.state, to) === null) throw invalidTransition(this.state, to);
    const change: AuditionChange = { from: this.state, to, by, at: now, note: validNote(note) };
    return new Audition({ ...this, state: to, history: [...this.history, change], updatedAt: now, version: this.version + 1 });
  }

  /** The latest change (the one `moveTo` added). */
  lastChange(): AuditionChange {
    return this.history[this.history.length - 1]!;
  }
}

function validNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() || null;
  new Rules().text(trimmed, '/note', 1, 2000).enforce();
  return trimmed;
}
