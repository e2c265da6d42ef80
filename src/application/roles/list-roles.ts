import { notFound } from '../../domain/errors.ts';
import type { MovieRole } from '../../domain/movie-role.ts';
import type { MovieRepository } from '../ports/movie-repository.ts';
import type { Page, PageRequest } from '../ports/paging.ts';
import type { RoleFilter, RoleRepository, RoleSortField } from '../ports/role-repository.ts';

/** The parts of one movie (404 when the movie does not exist, rather than an empty page). */
export class ListRoles {
  private readonly movies: MovieRepository;
  private readonly roles: RoleRepository;
  constructor(movies: MovieRepository, roles: RoleRepository) {
    this.movies = movies;
    this.roles = roles;
  }

  async execute(input: { filter: RoleFilter; page: PageRequest<RoleSortField> }): Promise<Page<MovieRole>> {
    if (!(await this.movies.findById(input.filter.movieId))) throw notFound('movie', input.filter.movieId);
    return this.roles.list(input.filter, input.page);
  }
}
