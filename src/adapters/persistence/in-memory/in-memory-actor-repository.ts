import type { ActorFilter, ActorRepository, ActorSortField } from '../../../application/ports/actor-repository.ts';
import type { Page, PageRequest } from '../../../application/ports/paging.ts';
import { Actor } from '../../../domain/actor.ts';
import { actorPage, nameMatches } from './in-memory-actor-query.ts';
import { inRange } from './in-memory-paging.ts';
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
    return actorPage(matches, filter.q, page, this.countCap);
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
      nameMatches(actor, filter.q) &&
      (filter.gender === undefined || actor.gender.toLowerCase() === filter.gender.toLowerCase()) &&
      inRange(actor.age, filter.age) &&
      (filter.movieId === undefined || this.store.castings.has(InMemoryStore.castingKey(filter.movieId, actor.id)))
    );
  }
}
