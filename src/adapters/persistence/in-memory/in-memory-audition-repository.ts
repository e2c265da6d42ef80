import type { AuditionFilter, AuditionRepository, AuditionSortField } from '../../../application/ports/audition-repository.ts';
import type { Page, PageRequest } from '../../../application/ports/paging.ts';
import type { Audition } from '../../../domain/audition.ts';
import { pageOf, sortBy } from './in-memory-paging.ts';
import type { InMemoryStore } from './in-memory-store.ts';

export class InMemoryAuditionRepository implements AuditionRepository {
  private readonly store: InMemoryStore;
  constructor(store: InMemoryStore) {
    this.store = store;
  }

  async findById(id: number): Promise<Audition | null> {
    return this.store.auditions.get(id) ?? null;
  }

  async list(filter: AuditionFilter, page: PageRequest<AuditionSortField>): Promise<Page<Audition>> {
    const matches = [...this.store.auditions.values()].filter(
      (audition) => audition.roleId === filter.roleId && (filter.state === undefined || audition.state === filter.state),
    );
    return pageOf(sortBy(matches, page.sort, sortValue), page);
  }
}

function sortValue(audition: Audition, field: AuditionSortField): string | number | Date | null {
  const values: Record<AuditionSortField, string | number | Date | null> = {
    state: audition.state,
    scheduled_at: audition.scheduledAt,
    created_at: audition.createdAt,
    updated_at: audition.updatedAt,
    id: audition.id,
  };
  return values[field];
}
