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
import type { Ports } from './ports.ts';

/** Movies, actors and who plays in what. */
export function catalogUseCases(ports: Ports) {
  const { movies, actors, castings, clock } = ports;
  return {
    createMovie: new CreateMovie(movies, clock),
    getMovie: new GetMovie(castings),
    listMovies: new ListMovies(movies),
    updateMovie: new UpdateMovie(movies, clock),
    deleteMovie: new DeleteMovie(movies),
    listGenres: new ListGenres(movies),
    exportMovies: new ExportMovies(movies),
    createActor: new CreateActor(actors, clock),
    getActor: new GetActor(actors, castings),
    listActors: new ListActors(actors),
    updateActor: new UpdateActor(actors, clock),
    deleteActor: new DeleteActor(actors),
    castActor: new CastActor(movies, actors, castings),
    uncastActor: new UncastActor(castings),
    listCast: new ListCast(movies, castings),
  };
}
