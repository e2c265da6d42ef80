import type { ActorFilter } from '../../../application/ports/actor-repository.ts';
import type { MovieFilter } from '../../../application/ports/movie-repository.ts';
import type { Range } from '../../../application/ports/paging.ts';
import { withoutUndefined } from '../../../domain/movie.ts';

type Query = Record<string, string | number | undefined>;

function range<T>(query: Query, field: string): Range<T> | undefined {
  const gte = query[`${field}.gte`] as T | undefined;
  const lte = query[`${field}.lte`] as T | undefined;
  return gte === undefined && lte === undefined ? undefined : withoutUndefined({ gte, lte });
}

/** `a,b` asks for every genre, `a|b` for any; the schema forbids mixing the two. */
function genres(genre: string | undefined): Pick<MovieFilter, 'genresAll' | 'genresAny'> {
  if (genre === undefined) return {};
  if (genre.includes('|')) return { genresAny: genre.split('|').map((g) => g.trim()) };
  return { genresAll: genre.split(',').map((g) => g.trim()) };
}

export function movieFilter(query: Query): MovieFilter {
  return withoutUndefined({
    q: query.q as string | undefined,
    director: query.director as string | undefined,
    ...genres(query.genre as string | undefined),
    imdbScore: range<number>(query, 'imdb_score'),
    popularity: range<number>(query, 'popularity'),
    releaseDate: range<string>(query, 'release_date'),
    actorId: query.actor as number | undefined,
  });
}

export function actorFilter(query: Query): ActorFilter {
  return withoutUndefined({
    q: query.q as string | undefined,
    gender: query.gender as string | undefined,
    age: range<number>(query, 'age'),
    movieId: query.movie as number | undefined,
  });
}
