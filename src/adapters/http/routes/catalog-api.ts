import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CreateMovie } from '../../../application/movies/create-movie.ts';
import type { GetMovie } from '../../../application/movies/get-movie.ts';
import type { ListMovies } from '../../../application/movies/list-movies.ts';
import type { UpdateMovie } from '../../../application/movies/update-movie.ts';
import type { MovieSortField } from '../../../application/ports/movie-repository.ts';
import { DomainError } from '../../../domain/errors.ts';
import { pageRequest, pagingOf } from '../paging.ts';
import { errors, IdParams } from '../wire/common.ts';
import {
  AddMovieBody,
  catalogInput,
  CatalogListQuery,
  CatalogMovieList,
  catalogMovieView,
  OneCatalogMovie,
  UpdateMovieBody,
} from '../wire/catalog-api.ts';

const tags = ['catalog API'];

const CATALOG_PATHS: Record<string, string> = { '/title': '/movie_name', '/genres': '/genre', '/imdb_score': '/imdbScore' };

/** A rule broken by a catalog-API body names the field as that body spelled it. */
async function inCatalogNames<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'validation' || error.details.length === 0) throw error;
    const details = error.details.map(({ path, message }) => {
      const renamed = CATALOG_PATHS[path] ?? path.replace(/^\/genres\//, '/genre/');
      // Messages start with the field's name: say it as the body did.
      return { path: renamed, message: message.replace(path.slice(1), renamed.slice(1)) };
    });
    throw new DomainError(error.kind, error.code, details.map((d) => d.message).join('; '), details);
  }
}

/** The use cases these routes call. */
export interface CatalogApiUseCases {
  createMovie: CreateMovie;
  getMovie: GetMovie;
  listMovies: ListMovies;
  updateMovie: UpdateMovie;
}

/**
 * The catalog API's routes: the same use cases as /movies, only its field names
 * (movie_name, imdbScore, genre) and its POST-for-everything style differ.
 */
export const catalogApiRoutes: FastifyPluginAsyncTypebox<{ useCases: CatalogApiUseCases }> = async (app, { useCases }) => {
  app.post('/add_movies', {
    config: { permission: 'post:movies' },
    schema: {
      operationId: 'addMoviesCatalogApi',
      tags,
      summary: 'Create a movie (catalog API)',
      body: AddMovieBody,
      response: { 201: OneCatalogMovie, ...errors(409, 413, 415, 422) },
    },
    handler: async (request, reply) => {
      const body = request.body;
      const movie = await inCatalogNames(() => useCases.createMovie.execute({ ...catalogInput(body), title: body.movie_name }));
      reply.code(201).header('location', `/movies/${movie.id}`);
      return { success: true as const, movie: catalogMovieView(movie) };
    },
  });

  app.post('/update_movies', {
    config: { permission: 'patch:movies' },
    schema: {
      operationId: 'updateMoviesCatalogApi',
      tags,
      summary: 'Change a movie (catalog API)',
      body: UpdateMovieBody,
      response: { 200: OneCatalogMovie, ...errors(404, 409, 413, 415, 422) },
    },
    handler: async (request) => {
      const { id, ...body } = request.body;
      const movie = await inCatalogNames(() => useCases.updateMovie.execute({ id, patch: catalogInput(body) }));
      return { success: true as const, movie: catalogMovieView(movie) };
    },
  });

  app.post('/search_movies_id/:id', {
    config: { permission: 'get:movies' },
    schema: {
      operationId: 'getMovieCatalogApi',
      tags,
      summary: 'A movie by id (catalog API)',
      params: IdParams,
      response: { 200: OneCatalogMovie, ...errors(404) },
    },
    handler: async (request) => {
      const { movie } = await useCases.getMovie.execute({ id: request.params.id });
      return { success: true as const, movie: catalogMovieView(movie) };
    },
  });

  app.post('/search_movies_id', {
    config: { permission: 'get:movies' },
    schema: {
      operationId: 'listMoviesCatalogApi',
      tags,
      summary: 'Movies, paged (catalog API)',
      querystring: CatalogListQuery,
      response: { 200: CatalogMovieList, ...errors() },
    },
    handler: async (request, reply) => {
      const query = request.query;
      const page = await useCases.listMovies.execute({ filter: {}, page: pageRequest<MovieSortField>(query) });
      return { success: true as const, movies: page.items.map(catalogMovieView), ...pagingOf(request, reply, query, page) };
    },
  });
};
