import { sql, type Kysely } from 'kysely';
import { cappedCount, countUpTo, estimateAgainstCap } from './kysely-count.ts';
import { pageRows } from './kysely-page-rows.ts';
import type { ListQuery, ListTerm, Row } from './kysely-paging.ts';
import { tieredRows } from './kysely-ranked-rows.ts';

/**
 * A ranked page and the matches' count in one statement, for a search PostgreSQL expects to
 * match no more than the cap: the page is ranked among the first cap + 1 matches, each row
 * carrying how many there were (`count(*) over ()`, before the page or cursor picks its rows).
 * Up to the cap that count is exact and the page is the one ranking every match gives;
 * cap + 1 means more (the estimate was low), and the page is read tier by tier instead.
 * Without it the count and the page each read and planned the same matches (q=zanzibar:
 * 200 rows twice). Undefined when a page past the first is empty and so carries no count.
 */
async function rankedWithCount<DB, TB extends keyof DB, O, F extends string>(
  db: Kysely<DB>,
  query: ListQuery<DB, TB, O, F>,
  terms: ListTerm[],
): Promise<[Row[], number] | undefined> {
  const table = query.ranked!.table;
  // Typed loosely: the derived tables are named after the table, so the query's columns and references still apply.
  const loose = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const first = loose
    .selectFrom(
      query.rows
        .limit(query.countCap + 1)
        .$castTo<Row>()
        .as(table),
    )
    .selectAll();
  // The window runs in a query of its own, so a cursor's condition cannot narrow what it counts.
  const counted = first.select(sql<number>`count(*) over ()`.as('matched_up_to_cap')).as(table);
  const rows = await pageRows({ ...query, rows: loose.selectFrom(counted).selectAll() as never }, terms);
  const n = rows[0]?.matched_up_to_cap;
  if (n === undefined) return query.page.after || query.page.page > 1 ? undefined : [rows, 0];
  return Number(n) > query.countCap ? [await tieredRows(db, query, terms), Number(n)] : [rows, Number(n)];
}

/**
 * The page's rows and the capped count. A list without a ranked order reads both at once. A
 * ranked search asks first what PostgreSQL expects: far past the cap, the page is read tier by
 * tier without counting; within it, ranked with its count in one statement; otherwise the
 * matches are counted first, and up to the cap ranking every match in one statement costs little.
 */
export async function rowsAndCount<DB, TB extends keyof DB, O, F extends string>(
  db: Kysely<DB>,
  query: ListQuery<DB, TB, O, F>,
  terms: ListTerm[],
): Promise<[Row[], number]> {
  const { matching, countCap, estimateFrom } = query;
  if (!query.ranked) return Promise.all([pageRows(query, terms), cappedCount(db, matching, countCap, estimateFrom)]);
  const estimate = estimateAgainstCap(db, matching, countCap, estimateFrom);
  if ((await estimate) === 'past the cap') return [await tieredRows(db, query, terms), countCap + 1];
  const both = (await estimate) === 'within the cap' ? await rankedWithCount(db, query, terms) : undefined;
  if (both) return both;
  const n = await countUpTo(db, matching, countCap);
  return [n > countCap ? await tieredRows(db, query, terms) : await pageRows(query, terms), n];
}
