import type { KeyValue, Page, PageRequest, Position, SortKey } from '../../../application/ports/paging.ts';
import { TOTAL_COUNT_CAP } from '../../../application/ports/paging.ts';

type Value = string | number | Date | null;

/** Ascending order of two present values. */
function compareValues(a: Exclude<Value, null>, b: Exclude<Value, null>): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return Number(a) - Number(b);
}

/** Missing values last in both directions, as the SQL adapter's `nulls last`. */
function compareKey(a: Value | KeyValue, b: Value | KeyValue, direction: 'asc' | 'desc'): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = compareValues(a, b);
  return direction === 'asc' ? order : -order;
}

export function sortBy<T extends { id: number }, F extends string>(
  items: T[],
  sort: SortKey<F>[],
  valueOf: (item: T, field: F) => Value,
): T[] {
  return [...items].sort((a, b) => {
    for (const key of sort) {
      const order = compareKey(valueOf(a, key.field), valueOf(b, key.field), key.direction);
      if (order !== 0) return order;
    }
    return a.id - b.id;
  });
}

/** One page of already filtered and sorted items, with the total capped like the SQL adapter. */
export function pageOf<T>(items: T[], request: PageRequest<string>, cap = TOTAL_COUNT_CAP): Page<T> {
  const start = (request.page - 1) * request.limit;
  return {
    items: items.slice(start, start + request.limit),
    total: Math.min(items.length, cap),
    totalCapped: items.length > cap,
  };
}

/** Instants go into a cursor as ISO text, which sorts like the instants themselves. */
const keyValue = (value: Value): KeyValue => (value instanceof Date ? value.toISOString() : value);

/** Ascending order of two positions under `sort`: the same order sortBy gives the rows. */
function comparePositions(a: Position, b: Position, sort: SortKey<string>[]): number {
  for (const [i, key] of sort.entries()) {
    const order = compareKey(a.values[i] ?? null, b.values[i] ?? null, key.direction);
    if (order !== 0) return order;
  }
  return a.id - b.id;
}

/**
 * One page of filtered items, by number or after a cursor position, with the position the
 * next page starts at when more items follow: the contract the SQL adapter's keyset paging keeps.
 */
export function keysetPageOf<T extends { id: number }, F extends string>(
  matches: T[],
  request: PageRequest<F>,
  valueOf: (item: T, field: F) => Value,
  cap = TOTAL_COUNT_CAP,
): Page<T> {
  const positionOf = (item: T): Position => ({ values: request.sort.map((key) => keyValue(valueOf(item, key.field))), id: item.id });
  const sorted = sortBy(matches, request.sort, valueOf);
  const { after } = request;
  const firstAfter = after ? sorted.findIndex((item) => comparePositions(positionOf(item), after, request.sort) > 0) : -1;
  const start = after ? (firstAfter === -1 ? sorted.length : firstAfter) : (request.page - 1) * request.limit;
  const items = sorted.slice(start, start + request.limit);
  const last = items.at(-1);
  const next = sorted.length > start + request.limit && last ? { next: positionOf(last) } : {};
  return { items, total: Math.min(matches.length, cap), totalCapped: matches.length > cap, ...next };
}

export function inRange<T extends number | string>(value: T | null, range?: { gte?: T; lte?: T }): boolean {
  if (!range || (range.gte === undefined && range.lte === undefined)) return true;
  if (value === null) return false;
  return (range.gte === undefined || value >= range.gte) && (range.lte === undefined || value <= range.lte);
}
