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

export const TOTAL_COUNT_CAP = 10_000;

export interface Range<T> {
  gte?: T;
  lte?: T;
}
