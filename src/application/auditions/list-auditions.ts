import type { Audition } from '../../domain/audition.ts';
import { notFound } from '../../domain/errors.ts';
import type { AuditionFilter, AuditionRepository, AuditionSortField } from '../ports/audition-repository.ts';
import type { Page, PageRequest } from '../ports/paging.ts';
import type { RoleRepository } from '../ports/role-repository.ts';

/** A role's auditions, each with its history (404 when the role does not exist). */
export class ListAuditions {
  private readonly roles: RoleRepository;
  private readonly auditions: AuditionRepository;
  constructor(roles: RoleRepository, auditions: AuditionRepository) {
    this.roles = roles;
    this.auditions = auditions;
  }

  async execute(input: { filter: AuditionFilter; page: PageRequest<AuditionSortField> }): Promise<Page<Audition>> {
    if (!(await this.roles.findById(input.filter.roleId))) throw notFound('role', input.filter.roleId);
    return this.auditions.list(input.filter, input.page);
  }
}
