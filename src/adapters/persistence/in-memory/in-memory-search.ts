import {
  allowsTypos,
  foldText,
  isShortQuery,
  searchText,
  WORD_SIMILARITY_THRESHOLD,
  wordStartPattern,
} from '../../../domain/search-text.ts';

/**
 * `q` matching in JavaScript, as the SQL adapter does it with pg_trgm: a short query
 * matches word starts, a longer one anywhere, and one of five letters or more
 * also matches by trigram word similarity (a typo or two).
 */

/** Trigrams of each word in order, as pg_trgm makes them: the word padded with two spaces before and one after. */
function trigramsOf(folded: string): string[] {
  const trigrams: string[] = [];
  for (const word of folded.split(/[^a-z0-9]+/).filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) trigrams.push(padded.slice(i, i + 3));
  }
  return trigrams;
}

/**
 * How well the query's trigrams appear in one stretch of the text: over every stretch that
 * starts and ends on a shared trigram, shared / (query's + stretch's − shared), the best.
 * pg_trgm's word_similarity finds its stretch greedily; this tries them all.
 */
export function wordSimilarity(queryFolded: string, textFolded: string): number {
  const wanted = new Set(trigramsOf(queryFolded));
  const sequence = trigramsOf(textFolded);
  let best = 0;
  for (let low = 0; low < sequence.length; low++) {
    if (!wanted.has(sequence[low]!)) continue;
    const seen = new Set<string>();
    let shared = 0;
    for (let high = low; high < sequence.length; high++) {
      const trigram = sequence[high]!;
      if (seen.has(trigram)) continue;
      seen.add(trigram);
      if (!wanted.has(trigram)) continue;
      shared++;
      best = Math.max(best, shared / (wanted.size + seen.size - shared));
    }
  }
  return best;
}

/** Whether any of the fields matches `q` (null fields never do). */
export function textMatches(q: string, fields: readonly (string | null)[]): boolean {
  const query = foldText(searchText(q));
  if (query === '') return false;
  const folded = fields.filter((f): f is string => f !== null).map(foldText);
  const start = new RegExp(wordStartPattern(query).replace('[^a-z0-9]', ' '));
  const literal = isShortQuery(query) ? (f: string) => start.test(f) : (f: string) => f.includes(query);
  if (folded.some(literal)) return true;
  return allowsTypos(query) && folded.some((f) => wordSimilarity(query, f) >= WORD_SIMILARITY_THRESHOLD);
}
