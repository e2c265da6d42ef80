import { sql, type Expression, type SqlBool } from 'kysely';
import type { KeyValue } from '../../../application/ports/paging.ts';
import { after } from './kysely-keyset.ts';
import { ordered, pageRows, type ListQuery, type ListTerm, type Row } from './kysely-paging.ts';

/**
 * A ranked page (search tier first, then the rest of the order) read tier by tier: each
 * tier's rows in the rest of the order, at most as many as the page still needs, from the
 * cursor's tier on (and after its position there), stopping when the page is full. A common
 * word's page then walks the popularity index for about as many rows as it returns, where one
 * statement ranking every match read all of them (119,377 for `the` at 1,000,000 movies).
 * The rows and their order are the same; the tier is selected as the first sort key's value.
 */
async function tieredRows<DB, TB extends keyof DB, O, F extends string>(
  query: ListQuery<DB, TB, O, F>,
  terms: ListTerm[],
  tiers: Expression<SqlBool>[],
): Promise<Row[]> {
  const { page } = query;
  const skipped = page.after ? 0 : (page.page - 1) * page.limit;
  const wanted = skipped + page.limit + 1;
  const [rank, ...rest] = terms as [ListTerm, ...ListTerm[]];
  const position: KeyValue[] | undefined = page.after && [...page.after.values.slice(1), page.after.id];
  const found: Row[] = [];
  for (let tier = page.after ? Number(page.after.values[0]) : 0; tier < tiers.length && found.length < wanted; tier++) {
    let rows = ordered(query.rows, rest).select(sql.lit(tier).as(rank.property)).where(tiers[tier]!);
    if (position && tier === Number(page.after!.values[0])) rows = rows.where(after(rest, position));
    found.push(...(await rows.limit(wanted - found.length).execute()));
  }
  return found.slice(skipped);
}

/**
 * The page's rows and the capped count. A ranked search counts first: up to the cap, ranking
 * every match in one statement costs little; past it, the page is read tier by tier.
 */
export async function rowsAndCount<DB, TB extends keyof DB, O, F extends string>(
  query: ListQuery<DB, TB, O, F>,
  terms: ListTerm[],
  counting: Promise<{ rows: { n: number }[] }>,
): Promise<[Row[], number]> {
  if (!query.tiers) {
    const [rows, counted] = await Promise.all([pageRows(query, terms), counting]);
    return [rows, counted.rows[0]?.n ?? 0];
  }
  const n = (await counting).rows[0]?.n ?? 0;
  return [n > query.countCap ? await tieredRows(query, terms, query.tiers) : await pageRows(query, terms), n];
}
