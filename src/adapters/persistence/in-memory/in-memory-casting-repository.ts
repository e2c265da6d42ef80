import type { CastingRepository, CastMember, MovieWithCast, Role } from '../../../application/ports/casting-repository.ts';
import type { Casting } from '../../../domain/casting.ts';
import { conflict, notFound } from '../../../domain/errors.ts';
import { InMemoryStore } from './in-memory-store.ts';

/** Billing order first (unbilled last), then the given tie-breaker. */
const byBilling = (a: Casting, b: Casting, tie: number) => (a.billingOrder ?? Infinity) - (b.billingOrder ?? Infinity) || tie;

export class InMemoryCastingRepository implements CastingRepository {
  private readonly store: InMemoryStore;
  constructor(store: InMemoryStore) {
    this.store = store;
  }

  async insert(casting: Casting): Promise<Casting> {
    if (!this.store.movies.has(casting.movieId)) throw notFound('movie', casting.movieId);
    if (!this.store.actors.has(casting.actorId)) throw notFound('actor', casting.actorId);
    const key = InMemoryStore.castingKey(casting.movieId, casting.actorId);
    if (this.store.castings.has(key)) throw conflict('CASTING_CONFLICT', 'this actor is already cast in this movie');
    this.store.castings.set(key, casting);
    return casting;
  }

  async delete(movieId: number, actorId: number): Promise<boolean> {
    return this.store.castings.delete(InMemoryStore.castingKey(movieId, actorId));
  }

  async movieWithCast(movieId: number): Promise<MovieWithCast | null> {
    const movie = this.store.movies.get(movieId);
    return movie ? { movie, cast: await this.castOf(movieId) } : null;
  }

  async castOf(movieId: number): Promise<CastMember[]> {
    const castings = [...this.store.castings.values()].filter((c) => c.movieId === movieId);
    castings.sort((a, b) => byBilling(a, b, a.actorId - b.actorId));
    return castings.map((c) => ({ actor: this.store.actors.get(c.actorId)!, character: c.character, billingOrder: c.billingOrder }));
  }

  async rolesOf(actorId: number): Promise<Role[]> {
    const roles = [...this.store.castings.values()]
      .filter((c) => c.actorId === actorId)
      .map((c) => ({ movie: this.store.movies.get(c.movieId)!, character: c.character, billingOrder: c.billingOrder }));
    return roles.sort((a, b) => compareReleaseThenId(a.movie, b.movie));
  }
}

function compareReleaseThenId(a: { releaseDate: string | null; id: number }, b: { releaseDate: string | null; id: number }): number {
  if (a.releaseDate === b.releaseDate) return a.id - b.id;
  if (a.releaseDate === null) return 1;
  if (b.releaseDate === null) return -1;
  return a.releaseDate < b.releaseDate ? -1 : 1;
}
