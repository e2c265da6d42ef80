import type { Static } from 'typebox';
import type { ActorFilter } from '../../../application/ports/actor-repository.ts';
import type { MovieFilter } from '../../../application/ports/movie-repository.ts';
import type { Range } from '../../../application/ports/paging.ts';
import { withoutUndefined } from '../../../domain/movie.ts';
import type { ActorListQuery } from '../schemas/actor.ts';
import type { MovieListQuery } from '../schemas/movie.ts';

/** The filter fields of GET /movies, which GET /movies/export takes too. */
type MovieFilterQuery = Omit<Static<typeof MovieListQuery>, 'page' | 'limit' | 'sort'>;

function range<T>(gte: T | undefined, lte: T | undefined): Range<T> | undefined {
  return gte === undefined && lte === undefined ? undefined : withoutUndefined({ gte, lte });
}

/** `a,b` asks for every genre, `a|b` for any; the schema forbids mixing the two. */
function genres(genre: string | undefined): Pick<MovieFilter, 'genresAll' | 'genresAny'> {
  if (genre === undefined) return {};
  if (genre.includes('|')) return { genresAny: genre.split('|').map((g) => g.trim()) };
  return { genresAll: genre.split(',').map((g) => g.trim()) };
}

export function movieFilter(query: MovieFilterQuery): MovieFilter {
  return withoutUndefined({
    q: query.q,
    director: query.director,
    ...genres(query.genre),
    imdbScore: range(query['imdb_score.gte'], query['imdb_score.lte']),
    popularity: range(query['popularity.gte'], query['popularity.lte']),
    releaseDate: range(query['release_date.gte'], query['release_date.lte']),
    actorId: query.actor,
  });
}

export function actorFilter(query: Static<typeof ActorListQuery>): ActorFilter {
  return withoutUndefined({
    q: query.q,
    gender: query.gender,
    age: range(query['age.gte'], query['age.lte']),
    movieId: query.movie,
  });
}
