import type { Movie } from '../../domain/movie.ts';

/** What one batch did to the catalog. */
export interface UpsertOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Writes inside one import transaction. */
export interface ImportBatchWriter {
  /**
   * Inserts or updates `movies` keyed on the natural key (title + director + release date,
   * ignoring case — the unique index of the catalog).
   *
   * The movies come from `Movie.create` (validated, trimmed, genres normalised; id 0,
   * version 1), in file order: give new rows ids in that order (of a key's first row), so an
   * export re-imports in order. A batch may name one key several times: apply its rows as if
   * written one after another (the first compared with the stored movie, each later one with
   * the one before it; each counted on its own, the version moved once per `updated` row),
   * at the cost of one write per key, so a file repeating one movie is no slower than distinct ones.
   *
   * For a key already stored: if title, director, release date, genres (same order),
   * popularity and imdb_score are all equal (title/director compared exactly, so a change
   * of case is an update), count it `unchanged` and write nothing; otherwise overwrite
   * those fields, keep id and created_at, set updated_at and bump version, and count it
   * `updated`. A new key is inserted and counted `inserted`. Castings are untouched.
   * The shoot window counts among those fields when the imported movie has one (it is set,
   * both dates); an imported movie without one keeps the stored window (an IMDb file does not
   * erase what the casting workflow set).
   */
  upsertBatch(movies: readonly Movie[]): Promise<UpsertOutcome>;
}

/**
 * Transactional access to the catalog for bulk imports. ImportMovies runs a whole import
 * (every mode) in ONE `transaction`, so a syntax error at the end of a file, a dropped
 * connection or a killed process leaves the catalog exactly as it was.
 *
 * Contract for implementers:
 * - `work` runs inside one database transaction; when `work` resolves, commit and return
 *   its value; when it throws, roll back and rethrow the same error (unchanged: ImportMovies
 *   uses a thrown error to roll back dry runs and rejected atomic imports). Translate
 *   driver errors (connection loss → DomainError 'unavailable') only for failures of your
 *   own statements, never for errors `work` threw.
 * - Between `upsertBatch` calls, `work` awaits the ImportJobRepository (progress) and the
 *   upload stream: the transaction stays open across them. See ImportJobRepository for
 *   what that means on single-connection PGlite.
 * - Two imports may run at once. Serialising them (e.g. `SELECT pg_advisory_xact_lock(…)`
 *   first thing in the transaction) avoids deadlocks between overlapping files; the
 *   in-memory adapter serialises them too.
 */
export interface MovieImportStore {
  transaction<T>(work: (tx: ImportBatchWriter) => Promise<T>): Promise<T>;
}
