import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CreateMovie } from '../../../application/movies/create-movie.ts';
import type { DeleteMovie } from '../../../application/movies/delete-movie.ts';
import type { GetMovie } from '../../../application/movies/get-movie.ts';
import type { ListMovies } from '../../../application/movies/list-movies.ts';
import type { UpdateMovie } from '../../../application/movies/update-movie.ts';
import { answeredNotModified, etagOf, ifMatchVersion } from '../conditional.ts';
import { keysetPageRequest, keysetPagingOf } from '../keyset-paging.ts';
import { Deleted, errors, IdParams, NotModified } from '../wire/common.ts';
import {
  castMemberView,
  CreateMovieBody,
  movieInput,
  MovieList,
  movieView,
  OneMovie,
  PatchMovieBody,
  WrittenMovie,
} from '../wire/movie.ts';
import { MOVIE_CURSORS, movieFilter, MovieListQuery } from '../wire/movie-list.ts';

const tags = ['movies'];

/** The use cases these routes call. */
export interface MovieUseCases {
  createMovie: CreateMovie;
  deleteMovie: DeleteMovie;
  getMovie: GetMovie;
  listMovies: ListMovies;
  updateMovie: UpdateMovie;
}

export const movieRoutes: FastifyPluginAsyncTypebox<{ useCases: MovieUseCases }> = async (app, { useCases }) => {
  app.get('/movies', {
    config: { permission: 'get:movies' },
    schema: {
      operationId: 'listMovies',
      tags,
      summary: 'List movies',
      querystring: MovieListQuery,
      response: { 200: MovieList, ...errors() },
    },
    handler: async (request, reply) => {
      const query = request.query;
      const page = await useCases.listMovies.execute({ filter: movieFilter(query), page: keysetPageRequest(query, MOVIE_CURSORS) });
      return { success: true as const, movies: page.items.map(movieView), ...keysetPagingOf(request, reply, query, page, MOVIE_CURSORS) };
    },
  });

  app.post('/movies', {
    config: { permission: 'post:movies' },
    schema: {
      operationId: 'createMovie',
      tags,
      summary: 'Create a movie',
      body: CreateMovieBody,
      response: { 201: WrittenMovie, ...errors(409, 415, 413, 422) },
    },
    handler: async (request, reply) => {
      const movie = movieView(await useCases.createMovie.execute(movieInput(request.body)));
      reply.code(201).header('location', `/movies/${movie.id}`).header('etag', etagOf(movie.version));
      return { success: true as const, movie, movies: [movie] };
    },
  });

  app.get('/movies/:id', {
    config: { permission: 'get:movies' },
    schema: {
      operationId: 'getMovie',
      tags,
      summary: 'A movie with its cast',
      params: IdParams,
      response: { 200: OneMovie, 304: NotModified, ...errors(404) },
    },
    handler: async (request, reply) => {
      const { movie, cast } = await useCases.getMovie.execute({ id: request.params.id });
      const castView = cast.map(castMemberView);
      if (answeredNotModified(request, reply, etagOf(movie.version, castView))) return reply;
      return { success: true as const, movie: { ...movieView(movie), cast: castView } };
    },
  });

  app.patch('/movies/:id', {
    config: { permission: 'patch:movies' },
    schema: {
      operationId: 'updateMovie',
      tags,
      summary: 'Change a movie',
      description:
        'Send If-Match with the ETag you read to refuse the change when someone changed the movie meanwhile (412). A new shoot window (`shoot_start`, `shoot_end`) that would make an actor with an accepted part in this movie overlap another of their accepted parts is a 409 `SCHEDULE_CONFLICT` naming the actor and the other role, and changes nothing; a title, director and release date another movie has is a 409 `MOVIE_CONFLICT`.',
      params: IdParams,
      body: PatchMovieBody,
      response: { 200: WrittenMovie, ...errors(404, 409, 412, 413, 415, 422) },
    },
    handler: async (request, reply) => {
      const input = { id: request.params.id, patch: movieInput(request.body), ifMatch: ifMatchVersion(request) };
      const movie = movieView(await useCases.updateMovie.execute(input));
      reply.header('etag', etagOf(movie.version));
      return { success: true as const, movie, movies: [movie] };
    },
  });

  app.delete('/movies/:id', {
    config: { permission: 'delete:movies' },
    schema: {
      operationId: 'deleteMovie',
      tags,
      summary: 'Delete a movie and its castings',
      params: IdParams,
      response: { 200: Deleted, ...errors(404, 412) },
    },
    handler: async (request) => {
      const deleted = await useCases.deleteMovie.execute({ id: request.params.id, ifMatch: ifMatchVersion(request) });
      return { success: true as const, deleted };
    },
  });
};
