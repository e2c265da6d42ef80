import { notFound, staleVersion } from '../../domain/errors.ts';
import type { Movie, MoviePatch } from '../../domain/movie.ts';
import type { ShootWindow } from '../../domain/shoot-window.ts';
import type { CastingDesk } from '../ports/casting-desk.ts';
import type { Clock } from '../ports/clock.ts';
import { assertCastFreeDuring } from './assert-cast-free.ts';

export interface UpdateMovieInput {
  id: number;
  patch: MoviePatch;
  ifMatch?: number; // the version the client last saw
}

/**
 * Changes a movie under its row lock, in the casting desk's transaction: with If-Match the
 * client's version must be current (412); without it the change applies to the row as it
 * is, never lost to a concurrent write. A new shoot window must leave no actor cast through
 * an accepted part with overlapping parts (SCHEDULE_CONFLICT, nothing changed).
 */
export class UpdateMovie {
  private readonly desk: CastingDesk;
  private readonly clock: Clock;
  constructor(desk: CastingDesk, clock: Clock) {
    this.desk = desk;
    this.clock = clock;
  }

  execute(input: UpdateMovieInput): Promise<Movie> {
    return this.desk.transaction(async (tx) => {
      const movie = await tx.lockMovie(input.id, 'update');
      if (!movie) throw notFound('movie', input.id);
      if (input.ifMatch !== undefined && movie.version !== input.ifMatch) throw staleVersion('movie');
      const changed = movie.withChanges(input.patch, this.clock.now());
      if (!sameShoot(movie.shootWindow(), changed.shootWindow())) await assertCastFreeDuring(tx, changed);
      if (!(await tx.saveMovie(changed, movie.version))) throw staleVersion('movie');
      return changed;
    });
  }
}

function sameShoot(a: ShootWindow | null, b: ShootWindow | null): boolean {
  return a?.start === b?.start && a?.end === b?.end;
}
