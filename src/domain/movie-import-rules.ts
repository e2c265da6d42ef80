import { Movie, type MovieProps } from './movie.ts';

/**
 * What a re-import does with a field of a movie already stored:
 * - `imported`: the file's value overwrites it, and a difference makes the row an update;
 * - `window`: the same, but only from a row that gives a shoot window (both dates), so a file
 *   without one (an IMDb file) keeps what the casting workflow set;
 * - `kept`: the stored value stays;
 * - `stamped`: the row's value (the import's time) once the row is an update, never compared;
 * - `counted`: one more per update (the version).
 */
type ImportRule = 'imported' | 'window' | 'kept' | 'stamped' | 'counted';

/**
 * Every field of a movie with its rule, in one place for every import store (in memory,
 * PGlite, PostgreSQL). Typed over all of MovieProps: a field added to the movie fails to
 * compile here until it is given a rule, so no store can silently ignore it on a re-import.
 */
export const IMPORT_RULES = {
  id: 'kept',
  title: 'imported',
  releaseDate: 'imported',
  director: 'imported',
  genres: 'imported',
  popularity: 'imported',
  imdbScore: 'imported',
  shootStart: 'window',
  shootEnd: 'window',
  createdAt: 'kept',
  updatedAt: 'stamped',
  version: 'counted',
} as const satisfies Record<keyof MovieProps, ImportRule>;

type MovieField = keyof typeof IMPORT_RULES;
const FIELDS = Object.keys(IMPORT_RULES) as MovieField[]; // the object's own keys, all of MovieField
const COMPARED = FIELDS.filter((field) => ['imported', 'window'].includes(IMPORT_RULES[field]));

/** The fields an update writes as they come from `importedOver` (the version moves by its own rule). */
export const IMPORT_OVERWRITES: readonly string[] = FIELDS.filter((field) => !['kept', 'counted'].includes(IMPORT_RULES[field]));

/**
 * `row` (a movie read from a file, from Movie.create) written over `stored`, one version
 * further; null when the row changes none of the compared fields (the row is `unchanged`).
 */
export function importedOver(stored: Movie, row: Movie): Movie | null {
  const source = {
    imported: row,
    window: row.shootWindow() === null ? stored : row,
    kept: stored,
    stamped: row,
    counted: stored,
  } satisfies Record<ImportRule, Movie>;
  const next: MovieProps = { ...stored };
  for (const field of FIELDS) copyField(next, field, source[IMPORT_RULES[field]]);
  if (COMPARED.every((field) => sameValue(stored[field], next[field]))) return null;
  return Movie.restore({ ...next, version: stored.version + 1 });
}

function copyField<K extends MovieField>(target: MovieProps, field: K, source: MovieProps): void {
  target[field] = source[field];
}

/** Arrays (genres) compare element by element, in order; dates by instant; the rest exactly. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
