import { Type, type Static } from 'typebox';
import { MOVIE_SORT_FIELDS } from '../../../application/ports/movie-repository.ts';
import type { Movie as DomainMovie } from '../../../domain/movie.ts';
import { withoutUndefined } from '../../../domain/without-undefined.ts';
import { Id, Nullable, PagingFields, PagingQuery, SortQuery } from './common.ts';

/** A movie as the catalog API named its fields. */
export const CatalogMovie = Type.Object({
  id: Type.Integer(),
  movie_name: Type.String(),
  director: Nullable(Type.String()),
  genre: Type.Array(Type.String()),
  popularity: Nullable(Type.Number({ description: "0–100 (the data set's 99popularity)" })),
  imdbScore: Nullable(Type.Number({ description: '0–10' })),
});

const fields = {
  movie_name: Type.String({ description: '1–200 characters (422 otherwise)' }),
  director: Type.Optional(Nullable(Type.String({ description: 'up to 200 characters' }))),
  genre: Type.Optional(Type.Array(Type.String(), { description: 'genre names; trimmed and de-duplicated ignoring case' })),
  popularity: Type.Optional(Nullable(Type.Number({ description: '0–100 (422 otherwise)' }))),
  imdbScore: Type.Optional(Nullable(Type.Number({ description: '0–10 (422 otherwise)' }))),
};

export const AddMovieBody = Type.Object(fields, { additionalProperties: false });

export const UpdateMovieBody = Type.Object(
  { id: Id('the movie to change'), ...fields, movie_name: Type.Optional(fields.movie_name) },
  { additionalProperties: false, minProperties: 2, description: 'the id and any non-empty subset of the other fields' },
);

export const CatalogListQuery = Type.Object(
  { ...PagingQuery, sort: Type.Optional(SortQuery(MOVIE_SORT_FIELDS)) },
  { additionalProperties: false },
);

export const OneCatalogMovie = Type.Object({ success: Type.Literal(true), movie: CatalogMovie });

export const CatalogMovieList = Type.Object({ success: Type.Literal(true), movies: Type.Array(CatalogMovie), ...PagingFields });

/** The fields both catalog bodies may carry (the update's also has the id). */
type CatalogBody = Partial<Static<typeof AddMovieBody>>;

/** The catalog API's names → the domain's; absent fields stay absent. */
export const catalogInput = (body: CatalogBody) =>
  withoutUndefined({
    title: body.movie_name,
    director: body.director,
    genres: body.genre,
    popularity: body.popularity,
    imdbScore: body.imdbScore,
  });

export const catalogMovieView = (movie: DomainMovie): Static<typeof CatalogMovie> => ({
  id: movie.id,
  movie_name: movie.title,
  director: movie.director,
  genre: movie.genres,
  popularity: movie.popularity,
  imdbScore: movie.imdbScore,
});
