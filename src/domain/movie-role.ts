import type { Actor } from './actor.ts';
import { actorDoesNotFit, roleNotOpen, roleStateConflict } from './casting-workflow-errors.ts';
import type { ErrorDetail } from './errors.ts';
import { invalid } from './errors.ts';
import { withoutUndefined } from './without-undefined.ts';
import { Rules } from './rules.ts';
import { fitProblems } from './role-fit.ts';

export const ROLE_STATES = ['open', 'filled', 'closed'] as const;
export type RoleState = (typeof ROLE_STATES)[number];

/** What a client may set on a role. `state` only opens or closes it; `filled` follows from the slots. */
export interface RoleInput {
  movieId: number;
  name: string;
  description?: string | null;
  ageMin?: number | null;
  ageMax?: number | null;
  gender?: string | null;
  slots?: number;
}

export type RolePatch = Partial<Omit<RoleInput, 'movieId'>> & { state?: 'open' | 'closed' };

export interface RoleProps {
  id: number;
  movieId: number;
  name: string;
  description: string | null;
  ageMin: number | null;
  ageMax: number | null;
  gender: string | null;
  slots: number;
  state: RoleState;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** A part in a movie that actors audition for (the casting workflow's "role", docs/architecture.md; `Role` in permissions.ts is a user's). */
export class MovieRole implements RoleProps {
  readonly id!: number;
  readonly movieId!: number;
  readonly name!: string;
  readonly description!: string | null;
  readonly ageMin!: number | null;
  readonly ageMax!: number | null;
  readonly gender!: string | null;
  readonly slots!: number;
  readonly state!: RoleState;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;
  readonly version!: number;

  private constructor(props: RoleProps) {
    Object.assign(this, props);
  }

  static create(input: RoleInput, now: Date): MovieRole {
    const fields = validRoleFields({ slots: 1, ...withoutUndefined(input) } as RoleInput);
    return new MovieRole({ id: 0, movieId: input.movieId, ...fields, state: 'open', createdAt: now, updatedAt: now, version: 1 });
  }

  static restore(props: RoleProps): MovieRole {
    return new MovieRole(props);
  }

  /**
   * The role with the patch applied. `taken` counts its offered and accepted auditions and
   * `accepted` the accepted ones: slots never drop below what was already promised, and an
   * open role whose accepted parts reach its slots is filled (a filled one with room reopens).
   * Any role may be closed; `state: open` that would leave it filled is ROLE_STATE_CONFLICT,
   * not a change quietly not made.
   */
  withChanges(patch: RolePatch, counts: SlotCounts, now: Date): MovieRole {
    const fields = validRoleFields({ ...this, ...withoutUndefined(patch) });
    if (fields.slots < counts.taken) throw invalid([slotsBelowTaken(counts.taken)]);
    const wanted = patch.state ?? (this.state === 'closed' ? 'closed' : 'open');
    const state = settledState(wanted, fields.slots, counts.accepted);
    if (patch.state === 'open' && state !== 'open') throw roleStateConflict(this.id, this.state, fields.slots);
    return new MovieRole({ ...this, ...fields, state, updatedAt: now, version: this.version + 1 });
  }

  /** The same role, filled once `accepted` reaches its slots (after an accept). */
  settled(accepted: number, now: Date): MovieRole {
    const state = settledState(this.state === 'closed' ? 'closed' : 'open', this.slots, accepted);
    if (state === this.state) return this;
    return new MovieRole({ ...this, state, updatedAt: now, version: this.version + 1 });
  }

  /** ROLE_NOT_OPEN unless the role is open: closed and filled roles take no new auditions or offers. */
  assertOpen(): void {
    if (this.state !== 'open') throw roleNotOpen(this.id, this.state);
  }

  /** ACTOR_DOES_NOT_FIT (422) naming each way the actor misses the description. */
  assertFits(actor: Actor): void {
    const misfits = this.misfitsOf(actor);
    if (misfits.length > 0) throw actorDoesNotFit(misfits);
  }

  fits(actor: Actor): boolean {
    return this.misfitsOf(actor).length === 0;
  }

  private misfitsOf(actor: Actor): ErrorDetail[] {
    return fitProblems(this, actor);
  }
}

export interface SlotCounts {
  taken: number; // offered + accepted
  accepted: number;
}

function settledState(wanted: 'open' | 'closed', slots: number, accepted: number): RoleState {
  if (wanted === 'closed') return 'closed';
  return accepted >= slots ? 'filled' : 'open';
}

const slotsBelowTaken = (taken: number): ErrorDetail => ({
  path: '/slots',
  message: `slots cannot be fewer than the ${taken} audition(s) already offered or accepted`,
});

type RoleFields = Omit<RoleProps, 'id' | 'movieId' | 'state' | 'createdAt' | 'updatedAt' | 'version'>;

function validRoleFields(input: Omit<RoleInput, 'movieId'>): RoleFields {
  const name = input.name.trim();
  const description = input.description?.trim() || null;
  const gender = input.gender?.trim() || null;
  const [ageMin, ageMax, slots] = [input.ageMin ?? null, input.ageMax ?? null, input.slots ?? 1];
  new Rules()
    .text(name, '/name', 1, 200)
    .text(description, '/description', 1, 2000)
    .integer(ageMin, '/age_min')
    .range(ageMin, '/age_min', 0, 150)
    .integer(ageMax, '/age_max')
    .range(ageMax, '/age_max', 0, 150)
    .check(ageMin === null || ageMax === null || ageMin <= ageMax, '/age_max', 'age_max must not be under age_min')
    .text(gender, '/gender', 1, 32)
    .integer(slots, '/slots')
    .range(slots, '/slots', 1, 100)
    .enforce();
  return { name, description, ageMin, ageMax, gender, slots };
}
