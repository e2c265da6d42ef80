import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { searchText } from '../../../domain/search-text.ts';
import { containsPattern } from './kysely-list.ts';
import { textTierTests } from './text-search.ts';

/*
 * Each search tier as a filter of its own, so a ranked page can be read tier by tier in
 * popularity order and stop when full (kysely-ranked-rows.ts) instead of ranking every match.
 * Tiers 0-2 test the title's start: they also carry a condition the btree index on
 * marquee_fold(title) (text_pattern_ops) serves — the folded title equal to the query, then
 * starting with it as whole words, then starting with it, a leading article (the, a, an:
 * LEADING_ARTICLE) before it or not — so a rare exact title is found by the index, not by
 * walking a million rows. Tier 1 is often empty while tier 2 is large (`j`: no name is the
 * letter j alone, a tenth of them start with it); its condition is the narrow one of
 * leadingWords, else reading the empty tier meant checking every name starting with j.
 */

const ARTICLES = ['', 'the ', 'a ', 'an '];
const fold = (value: Expression<string> | string): RawBuilder<string> => sql<string>`marquee_fold(${value})`;
const escapeLike = (text: string): string => containsPattern(text).slice(1, -1);

const startsWith = (title: Expression<string>, start: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`${fold(title)} like ${fold(`${escapeLike(start)}%`)} escape '\\'`;

/**
 * The folded title is `words`, or `words` then a character other than a-z and 0-9 (leadingWordsPattern):
 * in byte order (~<~, what text_pattern_ops serves), below '0', from ':' to '`', or from '{' on.
 * The parentheses matter: ~<~ and || are operators of the same precedence, read left to right.
 */
function leadingWords(title: Expression<string>, start: string): RawBuilder<SqlBool> {
  const [field, words] = [fold(title), fold(start)];
  const between = (low: string, high: string) => sql<SqlBool>`(${field} ~>=~ (${words} || ${low}) and ${field} ~<~ (${words} || ${high}))`;
  const above = sql<SqlBool>`(${field} ~>=~ (${words} || '{') and ${startsWith(title, start)})`;
  return sql<SqlBool>`(${between('', '0')} or ${between(':', 'a')} or ${above})`;
}

function titleStarts(title: Expression<string>, q: string): RawBuilder<SqlBool>[] {
  const starts = ARTICLES.map((article) => `${article}${searchText(q)}`);
  const named = starts.map((start) => fold(start));
  const anyStart = (test: (start: string) => RawBuilder<SqlBool>) => sql<SqlBool>`(${sql.join(starts.map(test), sql` or `)})`;
  return [
    sql<SqlBool>`${fold(title)} in (${sql.join(named)})`,
    anyStart((s) => leadingWords(title, s)),
    anyStart((s) => startsWith(title, s)),
  ];
}

/** The filter of each tier 0 … 6: that tier's test, and none of the better tiers'. */
export function textTiers(title: Expression<string>, others: Expression<string | null>[], q: string): Expression<SqlBool>[] {
  const tests = textTierTests(title, others, q);
  const indexed = titleStarts(title, q);
  return [...tests, sql<SqlBool>`true`].map((test, tier) => {
    const worse = tests.slice(0, tier).map((better) => sql<SqlBool>`(${better}) is not true`);
    return sql<SqlBool>`(${sql.join([...(indexed[tier] ? [indexed[tier]] : []), test, ...worse], sql` and `)})`;
  });
}
