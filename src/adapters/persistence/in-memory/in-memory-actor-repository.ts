import type { ActorFilter, ActorRepository, ActorSortField } from '../../../application/ports/actor-repository.ts';
import type { Page, PageRequest, SortKey } from '../../../application/ports/paging.ts';
import { Actor } from '../../../domain/actor.ts';
import { searchTier } from '../../../domain/search-text.ts';
import { inRange, keysetPageOf } from './in-memory-paging.ts';
import { textMatches } from './in-memory-search.ts';
import { InMemoryStore } from './in-memory-store.ts';

export class InMemoryActorRepository implements ActorRepository {
  private readonly store: InMemoryStore;
  private readonly countCap: number | undefined;
  constructor(store: InMemoryStore, countCap?: number) {
    this.store = store;
    this.countCap = countCap;
  }

  async findById(id: number): Promise<Actor | null> {
    return this.store.actors.get(id) ?? null;
  }

  async list(filter: ActorFilter, page: PageRequest<ActorSortField>): Promise<Page<Actor>> {
    const matches = [...this.store.actors.values()].filter((actor) => this.matches(actor, filter));
    const { sort, valueOf } = ordered(matches, filter, page);
    return keysetPageOf(matches, { ...page, sort }, valueOf, this.countCap);
  }

  async insert(actor: Actor): Promise<Actor> {
    const saved = Actor.restore({ ...actor, id: this.store.nextId() });
    this.store.actors.set(saved.id, saved);
    return saved;
  }

  async update(actor: Actor, expectedVersion: number): Promise<boolean> {
    if (this.store.actors.get(actor.id)?.version !== expectedVersion) return false;
    this.store.actors.set(actor.id, actor);
    return true;
  }

  async delete(id: number, expectedVersion?: number): Promise<boolean> {
    const actor = this.store.actors.get(id);
    if (!actor || (expectedVersion !== undefined && actor.version !== expectedVersion)) return false;
    this.store.actors.delete(id);
    this.store.removeCastingsWhere((casting) => casting.actorId === id);
    this.store.removeAuditionsWhere((audition) => audition.actorId === id);
    return true;
  }

  private matches(actor: Actor, filter: ActorFilter): boolean {
    return (
      (filter.q === undefined || textMatches(filter.q, [actor.name])) &&
      (filter.gender === undefined || actor.gender.toLowerCase() === filter.gender.toLowerCase()) &&
      inRange(actor.age, filter.age) &&
      (filter.movieId === undefined || this.store.castings.has(InMemoryStore.castingKey(filter.movieId, actor.id)))
    );
  }
}

/** The client's sort, or with `q` and no sort: search tier, as the SQL adapter; keysetPageOf adds id last. */
function ordered(actors: Actor[], filter: ActorFilter, page: PageRequest<ActorSortField>) {
  const q = filter.q;
  const tiers = new Map(q === undefined ? [] : actors.map((actor) => [actor.id, searchTier(q, actor.name)]));
  const valueOf = (actor: Actor, field: ActorSortField | 'relevance') =>
    field === 'relevance' ? (tiers.get(actor.id) ?? 0) : field === 'created_at' ? actor.createdAt : actor[field];
  if (q === undefined || page.sort.length > 0) return { sort: page.sort as SortKey<ActorSortField | 'relevance'>[], valueOf };
  return { sort: [{ field: 'relevance', direction: 'asc' }] as SortKey<ActorSortField | 'relevance'>[], valueOf };
}
