import type { Page, PageRequest } from '../../../application/ports/paging.ts';
import type { RoleFilter, RoleRepository, RoleSortField } from '../../../application/ports/role-repository.ts';
import { notFound } from '../../../domain/errors.ts';
import { MovieRole } from '../../../domain/movie-role.ts';
import { pageOf, sortBy } from './in-memory-paging.ts';
import type { InMemoryStore } from './in-memory-store.ts';

export class InMemoryRoleRepository implements RoleRepository {
  private readonly store: InMemoryStore;
  constructor(store: InMemoryStore) {
    this.store = store;
  }

  async findById(id: number): Promise<MovieRole | null> {
    return this.store.roles.get(id) ?? null;
  }

  async list(filter: RoleFilter, page: PageRequest<RoleSortField>): Promise<Page<MovieRole>> {
    const matches = [...this.store.roles.values()].filter(
      (role) => role.movieId === filter.movieId && (filter.state === undefined || role.state === filter.state),
    );
    return pageOf(sortBy(matches, page.sort, sortValue), page);
  }

  async insert(role: MovieRole): Promise<MovieRole> {
    if (!this.store.movies.has(role.movieId)) throw notFound('movie', role.movieId);
    const saved = MovieRole.restore({ ...role, id: this.store.nextId() });
    this.store.roles.set(saved.id, saved);
    return saved;
  }

  async delete(id: number, expectedVersion?: number): Promise<boolean> {
    const role = this.store.roles.get(id);
    if (!role || (expectedVersion !== undefined && role.version !== expectedVersion)) return false;
    this.store.removeRolesWhere((r) => r.id === id);
    return true;
  }
}

function sortValue(role: MovieRole, field: RoleSortField): string | number | Date {
  return field === 'created_at' ? role.createdAt : role[field];
}
