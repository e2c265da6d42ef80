/*
 * Text the catalog stores: no NUL (PostgreSQL text cannot hold it) and well-formed Unicode
 * (a lone surrogate is half a character: no client means it, and UTF-8 cannot encode it).
 * A rule of the domain, so that every way in — HTTP, an import, the in-memory adapters —
 * refuses the same text as PostgreSQL would.
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && text.isWellFormed();
}

export const STORABLE_TEXT_RULE = 'must not contain NUL characters or invalid Unicode (lone surrogates)';
