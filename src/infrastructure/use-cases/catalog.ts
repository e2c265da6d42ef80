import { CreateActor } from '../../application/actors/create-actor.ts';
import { DeleteActor } from '../../application/actors/delete-actor.ts';
import { GetActor } from '../../application/actors/get-actor.ts';
import { ListActors } from '../../application/actors/list-actors.ts';
import { UpdateActor } from '../../application/actors/update-actor.ts';
import { CastActor } from '../../application/castings/cast-actor.ts';
import { ListCast } from '../../application/castings/list-cast.ts';
import { UncastActor } from '../../application/castings/uncast-actor.ts';
import { CreateMovie } from '../../application/movies/create-movie.ts';
import { DeleteMovie } from '../../application/movies/delete-movie.ts';
import { ExportMovies } from '../../application/movies/export-movies.ts';
import { GetMovie } from '../../application/movies/get-movie.ts';
import { ListGenres } from '../../application/movies/list-genres.ts';
import { ListMovies } from '../../application/movies/list-movies.ts';
import { UpdateMovie } from '../../application/movies/update-movie.ts';
import { SearchCatalog } from '../../application/search/search-catalog.ts';
import type { DependencyContainer } from 'tsyringe';
import { Tokens } from './tokens.ts';

/** Movies, actors and who plays in what. */
export const catalogUseCases = {
  createMovie: (c: DependencyContainer) => new CreateMovie(c.resolve(Tokens.movies), c.resolve(Tokens.clock)),
  getMovie: (c: DependencyContainer) => new GetMovie(c.resolve(Tokens.castings)),
  listMovies: (c: DependencyContainer) => new ListMovies(c.resolve(Tokens.movies)),
  updateMovie: (c: DependencyContainer) => new UpdateMovie(c.resolve(Tokens.castingDesk), c.resolve(Tokens.clock)),
  deleteMovie: (c: DependencyContainer) => new DeleteMovie(c.resolve(Tokens.movies)),
  listGenres: (c: DependencyContainer) => new ListGenres(c.resolve(Tokens.movies)),
  exportMovies: (c: DependencyContainer) => new ExportMovies(c.resolve(Tokens.movies)),
  createActor: (c: DependencyContainer) => new CreateActor(c.resolve(Tokens.actors), c.resolve(Tokens.clock)),
  getActor: (c: DependencyContainer) => new GetActor(c.resolve(Tokens.actors), c.resolve(Tokens.castings)),
  listActors: (c: DependencyContainer) => new ListActors(c.resolve(Tokens.actors)),
  updateActor: (c: DependencyContainer) => new UpdateActor(c.resolve(Tokens.actors), c.resolve(Tokens.clock)),
  deleteActor: (c: DependencyContainer) => new DeleteActor(c.resolve(Tokens.actors)),
  castActor: (c: DependencyContainer) => new CastActor(c.resolve(Tokens.movies), c.resolve(Tokens.actors), c.resolve(Tokens.castings)),
  uncastActor: (c: DependencyContainer) => new UncastActor(c.resolve(Tokens.castings)),
  searchCatalog: (c: DependencyContainer) => new SearchCatalog(c.resolve(Tokens.movies), c.resolve(Tokens.actors)),
  listCast: (c: DependencyContainer) => new ListCast(c.resolve(Tokens.movies), c.resolve(Tokens.castings)),
};
