import type { CastingDesk, CastingDeskTransaction } from '../../../application/ports/casting-desk.ts';
import { InMemoryActorAvailability } from './in-memory-actor-availability.ts';
import { InMemoryCastingDeskTransaction } from './in-memory-casting-desk-transaction.ts';
import type { InMemoryStore } from './in-memory-store.ts';

/**
 * The casting workflow's unit of work in memory. Transactions run one at a time (the
 * strongest lock there is) and restore the roles, auditions and castings they found when
 * `work` throws, so a refused accept leaves nothing behind, as a rollback would.
 */
export class InMemoryCastingDesk implements CastingDesk {
  private readonly store: InMemoryStore;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(store: InMemoryStore) {
    this.store = store;
  }

  transaction<T>(work: (tx: CastingDeskTransaction) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.runIsolated(work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runIsolated<T>(work: (tx: CastingDeskTransaction) => Promise<T>): Promise<T> {
    const { roles, auditions, castings } = this.store;
    const before = { roles: new Map(roles), auditions: new Map(auditions), castings: new Map(castings) };
    try {
      return await work(new InMemoryCastingDeskTransaction(this.store, new InMemoryActorAvailability(this.store)));
    } catch (error) {
      restore(roles, before.roles);
      restore(auditions, before.auditions);
      restore(castings, before.castings);
      throw error;
    }
  }
}

function restore<K, V>(map: Map<K, V>, saved: Map<K, V>): void {
  map.clear();
  for (const [key, value] of saved) map.set(key, value);
}
