import type { Audition } from '../../domain/audition.ts';
import type { AuditionState } from '../../domain/audition-states.ts';
import type { Page, PageRequest } from './paging.ts';

export const AUDITION_SORT_FIELDS = ['state', 'scheduled_at', 'created_at', 'updated_at', 'id'] as const;
export type AuditionSortField = (typeof AUDITION_SORT_FIELDS)[number];

export interface AuditionFilter {
  roleId: number;
  state?: AuditionState;
}

/** Reading auditions, each with its whole history (oldest change first). Changes go through CastingDesk. */
export interface AuditionRepository {
  findById(id: number): Promise<Audition | null>;
  list(filter: AuditionFilter, page: PageRequest<AuditionSortField>): Promise<Page<Audition>>;
}
