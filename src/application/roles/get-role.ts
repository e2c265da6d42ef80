import { notFound } from '../../domain/errors.ts';
import type { MovieRole } from '../../domain/movie-role.ts';
import type { RoleRepository } from '../ports/role-repository.ts';

export class GetRole {
  private readonly roles: RoleRepository;
  constructor(roles: RoleRepository) {
    this.roles = roles;
  }

  async execute(input: { id: number }): Promise<MovieRole> {
    const role = await this.roles.findById(input.id);
    if (!role) throw notFound('role', input.id);
    return role;
  }
}
