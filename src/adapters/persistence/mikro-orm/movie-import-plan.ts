import type { UpsertOutcome } from '../../../application/ports/movie-import-store.ts';
import type { Movie } from '../../../domain/movie.ts';
import { importedOver } from '../../../domain/movie-import-rules.ts';

/** What one batch writes: new movies in file order (ids follow it), and stored ones to overwrite. */
export interface BatchPlan {
  outcome: UpsertOutcome;
  inserts: Movie[];
  updates: { movie: Movie; versionBump: number }[];
}

/** The unique index's key (movie-entity.ts's NATURAL_KEY): a missing date is 0001-01-01, a missing director ''. */
export const importKey = (movie: Movie): string =>
  [movie.title, movie.director ?? '', movie.releaseDate ?? '0001-01-01'].join('\u0000').toLowerCase();

/**
 * Decides a batch the way the port describes it, as if its rows were written one after
 * another: the first row of a key is compared with the stored movie, each later row with the
 * one before it, by the domain's import rules (IMPORT_RULES). A key named N times costs one
 * write (its last state), not N, and its version moves by the number of rows that changed it.
 */
export function planBatch(movies: readonly Movie[], stored: ReadonlyMap<string, Movie>): BatchPlan {
  const outcome = { inserted: 0, updated: 0, unchanged: 0 };
  const plan: BatchPlan = { outcome, inserts: [], updates: [] };
  for (const rows of groupByKey(movies).values()) {
    const found = stored.get(importKey(rows[0]!));
    const result = applyAll(found ?? null, rows);
    outcome.inserted += found ? 0 : 1;
    outcome.updated += result.changes;
    outcome.unchanged += rows.length - result.changes - (found ? 0 : 1);
    // A new movie's version is 1 (Movie.create's) + the changes of its later rows.
    if (!found) plan.inserts.push(result.movie);
    else if (result.changes > 0) plan.updates.push({ movie: result.movie, versionBump: result.changes });
  }
  return plan;
}

/** Keys in order of their first row (a Map keeps insertion order), each with its rows in file order. */
function groupByKey(movies: readonly Movie[]): Map<string, Movie[]> {
  const groups = new Map<string, Movie[]>();
  for (const movie of movies) {
    const key = importKey(movie);
    const rows = groups.get(key);
    if (rows) rows.push(movie);
    else groups.set(key, [movie]);
  }
  return groups;
}

/** The movie after every row of one key, and how many of those rows changed it (an insert is not a change). */
function applyAll(found: Movie | null, rows: Movie[]): { movie: Movie; changes: number } {
  let current = found ?? rows[0]!;
  let changes = 0;
  for (const row of found ? rows : rows.slice(1)) {
    const next = importedOver(current, row);
    if (next === null) continue;
    current = next;
    changes++;
  }
  return { movie: current, changes };
}
