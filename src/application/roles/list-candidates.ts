import type { Actor } from '../../domain/actor.ts';
import { notFound } from '../../domain/errors.ts';
import type { ActorAvailability } from '../ports/actor-availability.ts';
import type { ActorSortField } from '../ports/actor-repository.ts';
import type { MovieRepository } from '../ports/movie-repository.ts';
import type { Page, PageRequest } from '../ports/paging.ts';
import type { RoleRepository } from '../ports/role-repository.ts';

export interface ListCandidatesInput {
  roleId: number;
  q?: string;
  page: PageRequest<ActorSortField>;
}

/** Actors worth inviting: they fit the role, are not auditioning for it yet, and are free during its shoot. */
export class ListCandidates {
  private readonly roles: RoleRepository;
  private readonly movies: MovieRepository;
  private readonly availability: ActorAvailability;
  constructor(roles: RoleRepository, movies: MovieRepository, availability: ActorAvailability) {
    this.roles = roles;
    this.movies = movies;
    this.availability = availability;
  }

  async execute(input: ListCandidatesInput): Promise<Page<Actor>> {
    const role = await this.roles.findById(input.roleId);
    if (!role) throw notFound('role', input.roleId);
    const movie = await this.movies.findById(role.movieId);
    const query = { roleId: role.id, fit: role, shoot: movie?.shootWindow() ?? null, ...(input.q !== undefined && { q: input.q }) };
    return this.availability.candidates(query, input.page);
  }
}
