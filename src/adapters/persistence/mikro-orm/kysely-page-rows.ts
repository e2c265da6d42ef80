import { sql, type SqlBool } from 'kysely';
import type { KeyValue } from '../../../application/ports/paging.ts';
import { after, missing, seek } from './kysely-keyset.ts';
import { ordered, type ListQuery, type ListTerm, type Row } from './kysely-paging.ts';

/**
 * A page by number: the ids of its rows first, skipping the earlier pages in the order's
 * index alone (an index-only scan where the index holds the sort keys and the id), then
 * those rows. Reading and dropping whole rows, page 500 of `title.asc` at 1,000,000 movies
 * fetched 10,000 rows from the table (17-27 ms); its ids alone take 3.9-5 ms.
 */
function byNumber<DB, TB extends keyof DB, O, F extends string>(query: ListQuery<DB, TB, O, F>, terms: ListTerm[]) {
  const { page } = query;
  const [wanted, skipped] = [page.limit + 1, (page.page - 1) * page.limit];
  const list = ordered(query.rows, terms);
  // A ranked search reads every match anyway up to the cap (past it, tier by tier).
  if (skipped === 0 || query.ranked) return list.limit(wanted).offset(skipped);
  const ids = ordered(query.matching.select(sql.ref('id').as('id')), terms, false)
    .limit(wanted)
    .offset(skipped);
  return list.where(sql<SqlBool>`${sql.ref('id')} = any(array(${ids}))`);
}

/**
 * One more row than the page holds (it tells whether a next page exists): by number (above),
 * or for a cursor by seeking the first sort key's index to the position and
 * keeping the rows after it. Rows missing a nullable first key come last, outside that index
 * range, so they are read in a second statement when the rows with a value run out.
 */
export async function pageRows<DB, TB extends keyof DB, O, F extends string>(
  query: ListQuery<DB, TB, O, F>,
  terms: ListTerm[],
): Promise<Row[]> {
  const { page } = query;
  const wanted = page.limit + 1;
  if (!page.after) return byNumber(query, terms).execute();
  const list = ordered(query.rows, terms);
  const values: KeyValue[] = [...page.after.values, page.after.id];
  const [first] = terms as [ListTerm];
  const found = await list.where(seek(first, values[0]!)).where(after(terms, values)).limit(wanted).execute();
  if (found.length === wanted || values[0] === null || !first.nullable) return found;
  return [
    ...found,
    ...(await list
      .where(missing(first))
      .limit(wanted - found.length)
      .execute()),
  ];
}
