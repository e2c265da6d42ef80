import type { RoleRepository } from '../ports/role-repository.ts';
import { versionedDelete } from '../versioned-delete.ts';

export class DeleteRole {
  private readonly roles: RoleRepository;
  constructor(roles: RoleRepository) {
    this.roles = roles;
  }

  /** Deletes the role and its auditions; castings already made stay. A stale `ifMatch` is a 412. Returns the id. */
  execute(input: { id: number; ifMatch?: number }): Promise<number> {
    return versionedDelete(this.roles, 'role', input.id, input.ifMatch);
  }
}
