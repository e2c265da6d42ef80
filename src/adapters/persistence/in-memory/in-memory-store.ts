import type { Actor } from '../../../domain/actor.ts';
import type { Audition } from '../../../domain/audition.ts';
import type { Casting } from '../../../domain/casting.ts';
import type { Movie } from '../../../domain/movie.ts';
import type { MovieRole } from '../../../domain/movie-role.ts';

/** The tables of the in-memory database, shared so deletes can cascade like the real one. */
export class InMemoryStore {
  readonly movies = new Map<number, Movie>();
  readonly actors = new Map<number, Actor>();
  readonly castings = new Map<string, Casting>();
  readonly roles = new Map<number, MovieRole>();
  readonly auditions = new Map<number, Audition>();
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

  /** Cascades like the foreign keys: a role's auditions go with it, a movie's roles with the movie. */
  removeRolesWhere(match: (role: MovieRole) => boolean): void {
    for (const [id, role] of this.roles) {
      if (!match(role)) continue;
      this.roles.delete(id);
      this.removeAuditionsWhere((audition) => audition.roleId === id);
    }
  }

  removeAuditionsWhere(match: (audition: Audition) => boolean): void {
    for (const [id, audition] of this.auditions) if (match(audition)) this.auditions.delete(id);
  }
}
