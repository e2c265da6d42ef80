import type { Actor } from '../../domain/actor.ts';
import type { Casting } from '../../domain/casting.ts';
import type { Movie } from '../../domain/movie.ts';

export interface CastMember {
  actor: Actor;
  character: string | null;
  billingOrder: number | null;
}

export interface Role {
  movie: Movie;
  character: string | null;
  billingOrder: number | null;
}

export interface MovieWithCast {
  movie: Movie;
  cast: CastMember[];
}

export interface CastingRepository {
  /** The movie and its cast (as `castOf` orders it) in one read; null when there is no such movie. */
  movieWithCast(movieId: number): Promise<MovieWithCast | null>;
  /** Throws a CASTING_CONFLICT DomainError when the pair is already cast. */
  insert(casting: Casting): Promise<Casting>;
  /** False when the pair was not cast. */
  delete(movieId: number, actorId: number): Promise<boolean>;
  /** The cast of a movie in billing order (unbilled last), then by actor id. */
  castOf(movieId: number): Promise<CastMember[]>;
  /** The movies an actor is cast in, by release date then id. */
  rolesOf(actorId: number): Promise<Role[]>;
}
