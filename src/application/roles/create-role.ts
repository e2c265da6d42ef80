import { MovieRole, type RoleInput } from '../../domain/movie-role.ts';
import type { Clock } from '../ports/clock.ts';
import type { RoleRepository } from '../ports/role-repository.ts';

/** Describes a new part in a movie: open, with its slots (404 when the movie does not exist). */
export class CreateRole {
  private readonly roles: RoleRepository;
  private readonly clock: Clock;
  constructor(roles: RoleRepository, clock: Clock) {
    this.roles = roles;
    this.clock = clock;
  }

  async execute(input: RoleInput): Promise<MovieRole> {
    return this.roles.insert(MovieRole.create(input, this.clock.now()));
  }
}
