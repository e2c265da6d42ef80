/**
 * Genres are trimmed and de-duplicated ignoring case; the first spelling seen wins.
 * The IMDb data set writes every genre after the first with a leading space.
 */
export function normalizeGenres(genres: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of genres) {
    const genre = raw.trim();
    const key = genre.toLowerCase();
    if (genre === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(genre);
  }
  return result;
}
