import { conflict } from '../../../domain/errors.ts';
import { UNIQUE_VIOLATION, violates } from './database-errors.ts';
import { translated } from './kysely-database.ts';

/** Another movie holds this title, director and release date (the natural key's unique index). */
export const movieConflict = () => conflict('MOVIE_CONFLICT', 'a movie with this title, director and release date exists');

/**
 * Runs an update of one movie row by id and version, for the repository and the casting desk
 * alike: whether it applied (the version was current), MOVIE_CONFLICT when the changed key is taken.
 */
export async function movieUpdated(update: Promise<{ numUpdatedRows: bigint } | undefined>): Promise<boolean> {
  try {
    return (await translated(update))?.numUpdatedRows === 1n;
  } catch (error) {
    throw violates(error, UNIQUE_VIOLATION) ? movieConflict() : error;
  }
}
