import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import {
  allowsTypos,
  isShortQuery,
  LEADING_ARTICLE,
  leadingWordsPattern,
  searchText,
  wholeWordPattern,
  wordStartPattern,
} from '../../../domain/search-text.ts';
import { containsPattern } from './kysely-list.ts';

/*
 * `q` in SQL (the rules: domain/search-text.ts). Both sides go through marquee_fold()
 * (lower(unaccent(…)), immutable, see the search migration), so the trigram GIN indexes on
 * marquee_fold(column) serve every arm: LIKE '%q%' for a query of three characters or more,
 * LIKE 'q%' / '% q%' (the word-start trigram) for a shorter one, and `<%` (pg_trgm's word
 * similarity, threshold 0.5) for typos. The patterns are folded in SQL too, so a query and
 * a title fold by the same unaccent rules.
 */

const fold = (value: Expression<string | null> | string): RawBuilder<string> => sql<string>`marquee_fold(${value})`;
const escapeLike = (text: string): string => containsPattern(text).slice(1, -1);
const anyOf = (arms: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> => sql<SqlBool>`(${sql.join(arms, sql` or `)})`;

function literalArms(query: string, field: RawBuilder<string>): RawBuilder<SqlBool>[] {
  if (!isShortQuery(query)) return [sql<SqlBool>`${field} like ${fold(containsPattern(query))} escape '\\'`];
  const word = escapeLike(query);
  return [sql<SqlBool>`${field} like ${fold(`${word}%`)} escape '\\'`, sql<SqlBool>`${field} like ${fold(`% ${word}%`)} escape '\\'`];
}

/** Rows where any of `columns` matches `q`; a blank query matches nothing. */
export function textMatches(columns: Expression<string | null>[], q: string): Expression<SqlBool> {
  const query = searchText(q);
  if (query === '') return sql<SqlBool>`false`;
  const fields = columns.map(fold);
  const arms = fields.flatMap((field) => literalArms(query, field));
  if (allowsTypos(query)) arms.push(...fields.map((field) => sql<SqlBool>`${fold(query)} <% ${field}`));
  return anyOf(arms);
}

/** The test of each search tier 0 … 5 of a row, as domain/search-text.ts's searchTier; a row passing none is tier 6 (typo only). */
export function textTierTests(title: Expression<string>, others: Expression<string | null>[], q: string): RawBuilder<SqlBool>[] {
  const query = fold(searchText(q));
  const main = fold(title);
  const bare = sql<string>`regexp_replace(${main}, ${LEADING_ARTICLE}, '')`;
  const either = (test: (field: RawBuilder<string>) => RawBuilder<SqlBool>) => anyOf([main, bare].map(test));
  const someField = (test: (field: RawBuilder<string>) => RawBuilder<SqlBool>) => anyOf([main, ...others.map(fold)].map(test));
  const pattern = (source: string) => fold(source);
  return [
    either((f) => sql<SqlBool>`${f} = ${query}`),
    either((f) => sql<SqlBool>`${f} ~ ${pattern(leadingWordsPattern(searchText(q)))}`),
    either((f) => sql<SqlBool>`starts_with(${f}, ${query})`),
    someField((f) => sql<SqlBool>`${f} ~ ${pattern(wholeWordPattern(searchText(q)))}`),
    someField((f) => sql<SqlBool>`${f} ~ ${pattern(wordStartPattern(searchText(q)))}`),
    someField((f) => sql<SqlBool>`strpos(${f}, ${query}) > 0`),
  ];
}

/** The search tier (0 best … 6 typo only) of a row, as domain/search-text.ts's searchTier. */
export function textRank(title: Expression<string>, others: Expression<string | null>[], q: string): Expression<number> {
  const arms = textTierTests(title, others, q).map((test, tier) => sql`when ${test} then ${sql.lit(tier)}`);
  return sql<number>`case ${sql.join(arms, sql` `)} else 6 end`;
}
