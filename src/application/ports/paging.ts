/** Sorting by a whitelisted field; the repository adds id as the last tie-breaker. */
export interface SortKey<F extends string> {
  field: F;
  direction: 'asc' | 'desc';
}

/** A sort value as a cursor carries it: dates and instants as text. */
export type KeyValue = string | number | null;

/**
 * A place in a sorted list: the sort values of the last row a client saw, in the order of the
 * sort keys, then its id (the last tie-breaker). The next page is the rows right after it in
 * that order (keyset paging), so rows inserted or deleted meanwhile shift nothing.
 */
export interface Position {
  values: KeyValue[];
  id: number;
}

export interface PageRequest<F extends string> {
  page: number; // from 1; not used when `after` is given
  limit: number; // 1..100
  sort: SortKey<F>[];
  after?: Position;
}

/**
 * One page of results. Counting a million matches costs a full scan, so repositories count
 * exactly up to `TOTAL_COUNT_CAP` and set `totalCapped` when there are more.
 */
export interface Page<T> {
  items: T[];
  total: number;
  totalCapped: boolean;
  /** Where the next page starts, when rows follow this page (lists that page by cursor set it). */
  next?: Position;
}

/**
 * 1,000, not more: counting stops after cap + 1 matches, and at a million movies that count
 * was most of a list's time (q=the: 78 ms for 10,001 matches, 23 ms for 1,001; genre=Drama
 * 51 → 37 ms, under load). Past the cap by a wide margin, an adapter may know it from its
 * statistics without counting (the SQL adapter: kysely-count.ts); `total` is still the cap,
 * never an estimate.
 */
export const TOTAL_COUNT_CAP = 1_000;

export interface Range<T> {
  gte?: T;
  lte?: T;
}
