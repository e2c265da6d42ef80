import type { MovieInput, MoviePatch } from '../../../domain/movie.ts';
import { withoutUndefined } from '../../../domain/movie.ts';

interface MovieBody {
  title?: string;
  release_date?: string | null;
  director?: string | null;
  genres?: string[];
  popularity?: number | null;
  imdb_score?: number | null;
  shoot_start?: string | null;
  shoot_end?: string | null;
}

/** The wire's snake_case body → the domain's input; absent fields stay absent (PATCH). */
export function movieInput(body: MovieBody & { title: string }): MovieInput;
export function movieInput(body: MovieBody): MoviePatch;
export function movieInput(body: MovieBody): MoviePatch {
  return withoutUndefined({
    title: body.title,
    releaseDate: body.release_date,
    director: body.director,
    genres: body.genres,
    popularity: body.popularity,
    imdbScore: body.imdb_score,
    shootStart: body.shoot_start,
    shootEnd: body.shoot_end,
  });
}
