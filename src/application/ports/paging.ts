/** Sorting by a whitelisted field; the repository adds id as the last tie-breaker. */
export interface SortKey<F extends string> {
  field: F;
  direction: 'asc' | 'desc';
}

export interface PageRequest<F extends string> {
  page: number; // from 1
  limit: number; // 1..100
  sort: SortKey<F>[];
}

/**
 * One page of results. Counting a million matches costs a full scan, so repositories count
 * exactly up to `TOTAL_COUNT_CAP` and set `totalCapped` when there are more.
 */
export interface Page<T> {
  items: T[];
  total: number;
  totalCapped: boolean;
}

export const TOTAL_COUNT_CAP = 10_000;

export interface Range<T> {
  gte?: T;
  lte?: T;
}
