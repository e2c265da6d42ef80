import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Page, PageRequest, Range } from '../../../application/ports/paging.ts';
import { translated } from './kysely-database.ts';

/** A `q` substring as a LIKE pattern: its own %, _ and \ match literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `lower(column) like lower(pattern)`, which the trigram index on lower(column) serves. */
export const containsIgnoringCase = (column: Expression<string>, text: string): Expression<SqlBool> =>
  sql<SqlBool>`lower(${column}) like lower(${containsPattern(text)}) escape '\\'`;

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

export interface ListQuery<DB, TB extends keyof DB, O, F extends string> {
  /** The filtered query with the columns selected; paging and order are added here. */
  rows: SelectQueryBuilder<DB, TB, O>;
  /** The same filter without columns, for the capped count. */
  matching: SelectQueryBuilder<DB, TB, object>;
  page: PageRequest<F>;
  /** Whitelisted sort fields → column, or an expression over columns (the map is the whitelist). */
  sortColumns: Record<F, string | Expression<unknown>>;
  countCap: number;
}

/**
 * One page and its total. Missing values sort last in both directions (`imdb_score.desc`
 * starts with the best score); id ascending breaks ties. The total is counted over at most
 * cap + 1 matching rows, so a million matches cost no more than cap + 1; beyond the cap the
 * page says `totalCapped`. This count is the one hand-tuned statement: a subquery with a
 * limit, which neither Kysely's nor the QueryBuilder's count() would write.
 */
export async function listPage<DB, TB extends keyof DB, O, F extends string>(
  db: Kysely<DB>,
  query: ListQuery<DB, TB, O, F>,
): Promise<Page<O>> {
  const { rows, matching, page, sortColumns, countCap } = query;
  let ordered = rows;
  for (const key of page.sort) {
    const column: string | Expression<unknown> = sortColumns[key.field];
    ordered = ordered.orderBy(typeof column === 'string' ? sql.ref(column) : sql`${column}`, (ob) =>
      (key.direction === 'desc' ? ob.desc() : ob.asc()).nullsLast(),
    );
  }
  const capped = matching.select(sql.lit(1).as('one')).limit(countCap + 1);
  const [items, counted] = await translated(
    Promise.all([
      ordered
        .orderBy(sql.ref('id'), 'asc')
        .limit(page.limit)
        .offset((page.page - 1) * page.limit)
        .execute(),
      sql<{ n: number }>`select count(*)::int as n from (${capped}) as capped`.execute(db),
    ]),
  );
  const n = counted.rows[0]?.n ?? 0;
  return { items: items as O[], total: Math.min(n, countCap), totalCapped: n > countCap };
}
