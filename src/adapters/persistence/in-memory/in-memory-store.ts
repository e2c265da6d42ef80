import type { Actor } from '../../../domain/actor.ts';
import type { Casting } from '../../../domain/casting.ts';
import type { Movie } from '../../../domain/movie.ts';

/** The tables of the in-memory database, shared so deletes can cascade like the real one. */
export class InMemoryStore {
  readonly movies = new Map<number, Movie>();
  readonly actors = new Map<number, Actor>();
  readonly castings = new Map<string, Casting>();
  private lastId = 0;

  nextId(): number {
    return ++this.lastId;
  }

  static castingKey(movieId: number, actorId: number): string {
    return `${movieId}/${actorId}`;
  }

  removeCastingsWhere(match: (casting: Casting) => boolean): void {
    for (const [key, casting] of this.castings) if (match(casting)) this.castings.delete(key);
  }
}
