import { sql, type Expression, type SqlBool } from 'kysely';
import type { Range } from '../../../application/ports/paging.ts';

/** A `q` substring as a LIKE pattern: its own %, _ and \ match literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Equal ignoring case (gender, director): the same rule as the in-memory adapters. */
export const equalsIgnoringCase = (column: Expression<string | null>, text: string): Expression<SqlBool> =>
  sql<SqlBool>`lower(${column}) = lower(${text})`;

/** `>=` and `<=` bounds of a range filter, each present only when the client gave it. */
export function rangeConditions<T>(column: Expression<T>, range: Range<T> | undefined): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (range?.gte !== undefined) conditions.push(sql<SqlBool>`${column} >= ${range.gte}`);
  if (range?.lte !== undefined) conditions.push(sql<SqlBool>`${column} <= ${range.lte}`);
  return conditions;
}

// Paging moved to kysely-paging.ts; the repositories keep importing it from here.
export { listPage, type ListQuery } from './kysely-paging.ts';
