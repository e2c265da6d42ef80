import type { Actor } from '../../domain/actor.ts';
import type { Audition } from '../../domain/audition.ts';
import type { Casting } from '../../domain/casting.ts';
import type { Movie } from '../../domain/movie.ts';
import type { MovieRole, SlotCounts } from '../../domain/movie-role.ts';
import type { ScheduledPart } from './actor-availability.ts';

/**
 * What a change of the casting workflow may do, inside ONE transaction. The `lock…` reads
 * hold their row until the transaction ends (SELECT … FOR UPDATE), so rules checked after
 * them cannot be broken by a concurrent change: callers lock the role first, then the
 * audition, then the movie, then the actors in id order (one order everywhere, so two
 * transactions never deadlock).
 */
export interface CastingDeskTransaction {
  lockRole(id: number): Promise<MovieRole | null>;
  lockAudition(id: number): Promise<Audition | null>;
  lockActor(id: number): Promise<Actor | null>;
  /** The audition without a lock: how a move learns which role to lock first. */
  findAudition(id: number): Promise<Audition | null>;
  /**
   * The movie, its row locked: `share` by whoever checks against its shoot (accepting),
   * `update` by whoever changes it, so a shoot cannot move under an accept checking it.
   */
  lockMovie(id: number, mode: 'share' | 'update'): Promise<Movie | null>;
  /** Saves `movie` if the stored version is still `expectedVersion`; MOVIE_CONFLICT on its natural key. */
  saveMovie(movie: Movie, expectedVersion: number): Promise<boolean>;
  /** Ids of the actors with an accepted part in the movie, ascending (the order to lock them in). */
  actorsAcceptedIn(movieId: number): Promise<number[]>;
  /** Offered + accepted, and accepted, auditions of the role. */
  slotCounts(roleId: number): Promise<SlotCounts>;
  /** The actor's accepted parts with their shoots (call after `lockActor`). */
  acceptedParts(actorId: number): Promise<ScheduledPart[]>;
  /** The role's auditions that can still move (invited … offered), locked. */
  lockPendingAuditions(roleId: number): Promise<Audition[]>;
  /** Stores a new audition; ALREADY_AUDITIONING when the actor has a live one for the role. */
  insertAudition(audition: Audition): Promise<Audition>;
  /** Stores an audition exactly one `moveTo` further than the stored one (its last change appended). */
  saveAudition(audition: Audition): Promise<void>;
  saveRole(role: MovieRole): Promise<void>;
  /** CASTING_CONFLICT when the actor is already cast in the movie. */
  insertCasting(casting: Casting): Promise<void>;
}

/**
 * The unit of work of the casting workflow. `work` runs in one transaction: when it
 * resolves, commit and return its value; when it throws, roll back everything it did and
 * rethrow the same error. Database adapters may retry a serialization failure.
 */
export interface CastingDesk {
  transaction<T>(work: (tx: CastingDeskTransaction) => Promise<T>): Promise<T>;
}
