import type { Static } from 'typebox';
import type { Actor } from '../wire/actor.ts';
import type { Movie } from '../wire/movie.ts';
import type { ExamplesByOperation } from './types.ts';

const STAMPS = { created_at: '2026-01-15T10:00:00.000Z', updated_at: '2026-01-15T10:00:00.000Z' };
const PAGE_ONE = { page: 1, limit: 20, total: 1, total_pages: 1, total_capped: false };
/** The lists that page by cursor: the only page, so no next one. */
const ONLY_PAGE = { ...PAGE_ONE, next_cursor: null };

export const MOVIE = {
  id: 42,
  title: 'Heat',
  release_date: '1995-12-15',
  director: 'Michael Mann',
  genres: ['Crime', 'Drama'],
  popularity: 81,
  imdb_score: 8.3,
  shoot_start: null,
  shoot_end: null,
  ...STAMPS,
  version: 1,
} satisfies Static<typeof Movie>; // a field added to the schema fails tsc here, not only openapi:check
export const ACTOR = { id: 7, name: 'Al Pacino', age: 84, gender: 'male', ...STAMPS, version: 1 } satisfies Static<typeof Actor>;
const CAST_MEMBER = { id: 7, name: 'Al Pacino', age: 84, gender: 'male', character: 'Vincent Hanna', billing_order: 1 };
const NEW_MOVIE = { title: 'Heat', release_date: '1995-12-15', director: 'Michael Mann', genres: ['Crime', 'Drama'], imdb_score: 8.3 };
const CATALOG_MOVIE = { id: 42, movie_name: 'Heat', director: 'Michael Mann', genre: ['Crime', 'Drama'], popularity: 81, imdbScore: 8.3 };

/** Movies, actors, castings, genres, export and the catalog-API aliases. */
export const CATALOG_EXAMPLES: ExamplesByOperation = {
  listMovies: { responses: { 200: { success: true, movies: [MOVIE], ...ONLY_PAGE } } },
  createMovie: { request: NEW_MOVIE, responses: { 201: { success: true, movie: MOVIE, movies: [MOVIE] } } },
  getMovie: { responses: { 200: { success: true, movie: { ...MOVIE, cast: [CAST_MEMBER] } } } },
  updateMovie: {
    request: { imdb_score: 8.4 },
    responses: {
      200: { success: true, movie: { ...MOVIE, imdb_score: 8.4, version: 2 }, movies: [{ ...MOVIE, imdb_score: 8.4, version: 2 }] },
    },
  },
  deleteMovie: { responses: { 200: { success: true, deleted: 42 } } },
  listActors: { responses: { 200: { success: true, actors: [ACTOR], ...ONLY_PAGE } } },
  search: {
    responses: {
      200: {
        success: true,
        results: [
          { kind: 'movie', ...MOVIE },
          { kind: 'actor', ...ACTOR },
        ],
        ...ONLY_PAGE,
        total: 2,
      },
    },
  },
  createActor: {
    request: { name: 'Al Pacino', age: 84, gender: 'male' },
    responses: { 201: { success: true, actor: ACTOR, actors: [ACTOR] } },
  },
  getActor: {
    responses: { 200: { success: true, actor: { ...ACTOR, movies: [{ ...MOVIE, character: 'Vincent Hanna', billing_order: 1 }] } } },
  },
  updateActor: {
    request: { age: 85 },
    responses: { 200: { success: true, actor: { ...ACTOR, age: 85, version: 2 }, actors: [{ ...ACTOR, age: 85, version: 2 }] } },
  },
  deleteActor: { responses: { 200: { success: true, deleted: 7 } } },
  listCast: { responses: { 200: { success: true, movie_id: 42, actors: [CAST_MEMBER] } } },
  castActor: {
    request: { actor_id: 7, character: 'Vincent Hanna', billing_order: 1 },
    responses: { 201: { success: true, casting: { movie_id: 42, actor_id: 7, character: 'Vincent Hanna', billing_order: 1 } } },
  },
  uncastActor: { responses: { 200: { success: true, deleted: 7, movie_id: 42 } } },
  listGenres: {
    responses: {
      200: {
        success: true,
        genres: [
          { name: 'Crime', movies: 1204 },
          { name: 'Drama', movies: 3310 },
        ],
      },
    },
  },
  exportMovies: {
    responseMedia: {
      200: {
        'application/x-ndjson': `${JSON.stringify(MOVIE)}\n`,
        'text/csv': `id,title,release_date,director,genres,popularity,imdb_score,shoot_start,shoot_end,created_at,updated_at,version
42,Heat,1995-12-15,Michael Mann,Crime|Drama,81,8.3,,,${STAMPS.created_at},${STAMPS.updated_at},1\n`,
      },
    },
  },
  addMoviesCatalogApi: {
    request: { movie_name: 'Heat', director: 'Michael Mann', genre: ['Crime', 'Drama'], popularity: 81, imdbScore: 8.3 },
    responses: { 201: { success: true, movie: CATALOG_MOVIE } },
  },
  updateMoviesCatalogApi: {
    request: { id: 42, imdbScore: 8.4 },
    responses: { 200: { success: true, movie: { ...CATALOG_MOVIE, imdbScore: 8.4 } } },
  },
  getMovieCatalogApi: { responses: { 200: { success: true, movie: CATALOG_MOVIE } } },
  listMoviesCatalogApi: { responses: { 200: { success: true, movies: [CATALOG_MOVIE], ...PAGE_ONE } } },
};
