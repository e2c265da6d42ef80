import type { Actor } from '../../domain/actor.ts';
import type { Page, PageRequest, Range } from './paging.ts';

export const ACTOR_SORT_FIELDS = ['name', 'age', 'gender', 'created_at', 'id'] as const;
export type ActorSortField = (typeof ACTOR_SORT_FIELDS)[number];

export interface ActorFilter {
  q?: string; // search text: the name, see domain/search-text.ts
  gender?: string; // exact, ignoring case
  age?: Range<number>;
  movieId?: number;
}

export interface ActorRepository {
  findById(id: number): Promise<Actor | null>;
  list(filter: ActorFilter, page: PageRequest<ActorSortField>): Promise<Page<Actor>>;
  insert(actor: Actor): Promise<Actor>;
  /** Saves `actor` only if the stored version is still `expectedVersion`; false otherwise. */
  update(actor: Actor, expectedVersion: number): Promise<boolean>;
  /** Removes the actor and their castings; false when there was none (at `expectedVersion`, if given). */
  delete(id: number, expectedVersion?: number): Promise<boolean>;
}
