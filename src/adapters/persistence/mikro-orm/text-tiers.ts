import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { searchText } from '../../../domain/search-text.ts';
import { containsPattern } from './kysely-list.ts';
import { textTierTests } from './text-search.ts';

/*
 * Each search tier as a filter of its own, so a ranked page can be read tier by tier in
 * popularity order and stop when full (kysely-ranked-rows.ts) instead of ranking every match.
 * Tiers 0-2 test the title's start: they also carry a condition the btree index on
 * marquee_fold(title) (text_pattern_ops) serves — the folded title equal to the query, or
 * starting with it, a leading article (the, a, an: LEADING_ARTICLE) before it or not — so a
 * rare exact title is found by the index, not by walking a million rows.
 */

const ARTICLES = ['', 'the ', 'a ', 'an '];
const fold = (value: Expression<string> | string): RawBuilder<string> => sql<string>`marquee_fold(${value})`;
const escapeLike = (text: string): string => containsPattern(text).slice(1, -1);

function titleStarts(title: Expression<string>, q: string): RawBuilder<SqlBool>[] {
  const query = searchText(q);
  const named = ARTICLES.map((article) => sql`${article} || ${fold(query)}`);
  const prefixes = ARTICLES.map((article) => sql<SqlBool>`${fold(title)} like ${fold(`${article}${escapeLike(query)}%`)} escape '\\'`);
  const startsWith = sql<SqlBool>`(${sql.join(prefixes, sql` or `)})`;
  return [sql<SqlBool>`${fold(title)} in (${sql.join(named)})`, startsWith, startsWith];
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
