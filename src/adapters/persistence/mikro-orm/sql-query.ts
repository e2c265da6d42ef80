import type { Page, PageRequest, Range, SortKey } from '../../../application/ports/paging.ts';
import type { SqlClient } from './sql-client.ts';

/** Collects bind parameters; `add` answers the placeholder. User input never enters the SQL text. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A `q` substring as a LIKE pattern: its own %, _ and \ match literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function rangeConditions<T>(column: string, range: Range<T> | undefined, params: SqlParams, cast = ''): string[] {
  const conditions: string[] = [];
  if (range?.gte !== undefined) conditions.push(`${column} >= ${params.add(range.gte)}${cast}`);
  if (range?.lte !== undefined) conditions.push(`${column} <= ${params.add(range.lte)}${cast}`);
  return conditions;
}

export function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
}

/**
 * Whitelisted fields only (the map is the whitelist), then id ascending as the tie-breaker.
 * Missing values go last in both directions: `imdb_score.desc` starts with the best score.
 */
export function orderByClause<F extends string>(sort: SortKey<F>[], columns: Record<F, string>): string {
  const keys = sort.map((key) => `${columns[key.field]} ${key.direction === 'desc' ? 'desc' : 'asc'} nulls last`);
  return `order by ${[...keys, 'id asc'].join(', ')}`;
}

export interface ListQuery<F extends string> {
  table: string;
  columns: string;
  conditions: string[];
  params: SqlParams;
  page: PageRequest<F>;
  sortColumns: Record<F, string>;
  countCap: number;
}

/**
 * One page and its total. The total is counted over at most cap + 1 matching rows, so a
 * million matches cost no more than cap + 1; beyond the cap the page says `totalCapped`.
 */
export async function listPage<F extends string, R extends object, T>(
  sql: SqlClient,
  query: ListQuery<F>,
  toEntity: (row: R) => T,
): Promise<Page<T>> {
  const { table, columns, conditions, params, page, sortColumns, countCap } = query;
  const where = whereClause(conditions);
  const filterValues = [...params.values];
  const limit = params.add(page.limit);
  const offset = params.add((page.page - 1) * page.limit);
  const countParams = new SqlParams();
  countParams.values.push(...filterValues);
  const cap = countParams.add(countCap + 1);
  const [rows, counted] = await Promise.all([
    sql.query<R>(
      `select ${columns} from ${table} ${where} ${orderByClause(page.sort, sortColumns)} limit ${limit} offset ${offset}`,
      params.values,
    ),
    sql.query<{ n: number }>(`select count(*)::int as n from (select 1 from ${table} ${where} limit ${cap}) as capped`, countParams.values),
  ]);
  const n = counted.rows[0]?.n ?? 0;
  return { items: rows.rows.map(toEntity), total: Math.min(n, countCap), totalCapped: n > countCap };
}

/** Timestamps travel as epoch milliseconds: one number, the same from pg and PGlite. */
export const epochMs = (column: string, alias: string): string => `round(extract(epoch from ${column}) * 1000)::float8 as ${alias}`;
