import type { Actor } from '../../domain/actor.ts';
import type { FitCriteria } from '../../domain/role-fit.ts';
import type { ShootWindow } from '../../domain/shoot-window.ts';
import type { ActorSortField } from './actor-repository.ts';
import type { Page, PageRequest } from './paging.ts';

/** An accepted part, as an actor's schedule shows it. */
export interface ScheduledPart {
  auditionId: number;
  roleId: number;
  roleName: string;
  movieId: number;
  movieTitle: string;
  shoot: ShootWindow | null;
}

export interface CandidateQuery {
  roleId: number;
  fit: FitCriteria;
  /** The role's shoot; null when the movie has none (then nobody is busy). */
  shoot: ShootWindow | null;
  q?: string; // as GET /actors: search text on the name, see domain/search-text.ts
}

/** Who is free for what: the questions the casting workflow asks across actors, roles and movies. */
export interface ActorAvailability {
  /**
   * Actors who fit `fit` (age within the bounds, gender equal ignoring case when set), have
   * no live audition for the role, and no accepted part whose shoot overlaps `shoot`; `q`
   * matched, paged and sorted like the actor list (with `q` and no sort, best match first;
   * id the last tie-breaker). One query on a database.
   */
  candidates(query: CandidateQuery, page: PageRequest<ActorSortField>): Promise<Page<Actor>>;
  /** The actor's accepted parts: by shoot start (parts without a shoot last), then role id. */
  scheduleOf(actorId: number): Promise<ScheduledPart[]>;
}
