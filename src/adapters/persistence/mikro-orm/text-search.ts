import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { allowsTypos, isShortQuery, searchText, wholeWordPattern, wordStartPattern } from '../../../domain/search-text.ts';
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

/** The search tier (0 best … 5 fuzzy only) of a row, as domain/search-text.ts's searchTier. */
export function textRank(title: Expression<string>, others: Expression<string | null>[], q: string): Expression<number> {
  const query = searchText(q);
  const main = fold(title);
  const fields = [main, ...others.map(fold)];
  const someField = (test: (field: RawBuilder<string>) => RawBuilder<SqlBool>) => anyOf(fields.map(test));
  const whole = fold(wholeWordPattern(query));
  const start = fold(wordStartPattern(query));
  return sql<number>`case
    when ${main} = ${fold(query)} then 0
    when starts_with(${main}, ${fold(query)}) then 1
    when ${someField((f) => sql<SqlBool>`${f} ~ ${whole}`)} then 2
    when ${someField((f) => sql<SqlBool>`${f} ~ ${start}`)} then 3
    when ${someField((f) => sql<SqlBool>`strpos(${f}, ${fold(query)}) > 0`)} then 4
    else 5 end`;
}
