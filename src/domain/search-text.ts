/*
 * What a search box means by `q` (DESIGN §3 "Search"), as rules every adapter follows:
 * PostgreSQL writes them in SQL (pg_trgm, unaccent), the in-memory adapter in JavaScript,
 * and both rank with the tiers below. Words are runs of a-z and 0-9 after folding, as in
 * the SQL, so what counts as a word boundary is the same on every adapter.
 */

/** Letters NFD does not take apart, folded as PostgreSQL's unaccent does. */
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Case and accents ignored: `Amélie` and `AMELIE` fold to `amelie`. */
export function foldText(text: string): string {
  const bare = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return bare.replace(/[ßæœøłđðþı]/g, (letter) => LETTERS[letter] ?? letter);
}

/** The query as searched: trimmed, inner runs of white space as one space. */
export const searchText = (q: string): string => q.trim().replace(/\s+/g, ' ');

/** Queries shorter than this match word starts only (`a` is not every title with an a in it). */
export const SHORT_QUERY = 3;
/** A query with this many letters may carry a typo (`godfater`), found by trigram similarity. */
export const TYPO_LETTERS = 5;
/** Trigram word similarity from which a word counts as a typo of the query: pg_trgm's `<%` uses it (orm-config.ts sets it). */
export const WORD_SIMILARITY_THRESHOLD = 0.5;

export const isShortQuery = (query: string): boolean => [...foldText(query)].length < SHORT_QUERY;
/** Five letters or digits in all (`godfater`, `bong joon ho`): enough for trigram similarity to mean something. */
export const allowsTypos = (query: string): boolean => foldText(query).replace(/[^a-z0-9]/g, '').length >= TYPO_LETTERS;

/** The query as a regular expression source, its own special characters literal (same syntax in JS and PostgreSQL). */
export const regexLiteral = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/-]/g, (c) => `\\${c}`);
const EDGE_BEFORE = '(^|[^a-z0-9])';
const EDGE_AFTER = '($|[^a-z0-9])';
/** The query as whole words, and at the start of a word: regular expressions over folded text. */
export const wholeWordPattern = (query: string): string => `${EDGE_BEFORE}${regexLiteral(query)}${EDGE_AFTER}`;
export const wordStartPattern = (query: string): string => `${EDGE_BEFORE}${regexLiteral(query)}`;
export const leadingWordsPattern = (query: string): string => `^${regexLiteral(query)}${EDGE_AFTER}`;
/** A leading article is not part of what a title is called: `matrix` is the exact title of The Matrix. */
export const LEADING_ARTICLE = '^(the|a|an) ';

/**
 * Best first: 0 the title is the query (a leading article aside), 1 the title starts with
 * it as whole words, 2 starts with it, 3 it is a whole word (or words) of the title or
 * another field (director), 4 it starts a word there, 5 it is inside a word, 6 a typo
 * match only. Ties go by popularity, then id.
 */
export type SearchTier = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export function searchTier(q: string, title: string, others: readonly (string | null)[] = []): SearchTier {
  const query = foldText(searchText(q));
  const folded = foldText(title);
  const titles = [folded, folded.replace(new RegExp(LEADING_ARTICLE), '')];
  const fields = [folded, ...others.filter((o): o is string => o !== null).map(foldText)];
  const leading = new RegExp(leadingWordsPattern(query));
  if (titles.includes(query)) return 0;
  if (titles.some((t) => leading.test(t))) return 1;
  if (titles.some((t) => t.startsWith(query))) return 2;
  return otherTier(query, fields);
}

function otherTier(query: string, fields: string[]): SearchTier {
  const [whole, start] = [new RegExp(wholeWordPattern(query)), new RegExp(wordStartPattern(query))];
  if (fields.some((field) => whole.test(field))) return 3;
  if (fields.some((field) => start.test(field))) return 4;
  return fields.some((field) => field.includes(query)) ? 5 : 6;
}
