import type { MovieRole, RoleState } from '../../domain/movie-role.ts';
import type { Page, PageRequest } from './paging.ts';

export const ROLE_SORT_FIELDS = ['name', 'state', 'slots', 'created_at', 'id'] as const;
export type RoleSortField = (typeof ROLE_SORT_FIELDS)[number];

export interface RoleFilter {
  movieId: number;
  state?: RoleState;
}

/**
 * The parts of movies. Reads and creation only: a role changes inside a CastingDesk
 * transaction, because its slots are counted against its auditions.
 */
export interface RoleRepository {
  findById(id: number): Promise<MovieRole | null>;
  list(filter: RoleFilter, page: PageRequest<RoleSortField>): Promise<Page<MovieRole>>;
  /** Stores a new role (id 0) and returns it with its id; MOVIE_NOT_FOUND when the movie is gone. */
  insert(role: MovieRole): Promise<MovieRole>;
  /** Removes the role and its auditions (castings made by accepting stay); false when there was none (at `expectedVersion`, if given). */
  delete(id: number, expectedVersion?: number): Promise<boolean>;
}
