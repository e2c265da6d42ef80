import type { Static } from 'typebox';
import type { MovieInput, MoviePatch } from '../../../domain/movie.ts';
import { withoutUndefined } from '../../../domain/movie.ts';
import type { CreateMovieBody, PatchMovieBody } from '../schemas/movie.ts';

type MovieBody = Static<typeof PatchMovieBody>;

/** The wire's snake_case body → the domain's input; absent fields stay absent (PATCH). */
export function movieInput(body: Static<typeof CreateMovieBody>): MovieInput;
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
