import type { ImportBatchWriter, MovieImportStore, UpsertOutcome } from '../../../application/ports/movie-import-store.ts';
import { Movie } from '../../../domain/movie.ts';
import { importedOver } from '../../../domain/movie-import-rules.ts';
import type { InMemoryStore } from './in-memory-store.ts';

/**
 * Imports into the shared in-memory catalog. Transactions run one at a time (like an
 * advisory lock) and keep an undo log — the previous value of every movie they touched —
 * so a failing `work` really leaves the catalog as it was. Ids taken by a rolled-back
 * transaction are not reused, as with a database sequence.
 */
export class InMemoryMovieImportStore implements MovieImportStore {
  private readonly store: InMemoryStore;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(store: InMemoryStore) {
    this.store = store;
  }

  transaction<T>(work: (tx: ImportBatchWriter) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.runIsolated(work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runIsolated<T>(work: (tx: ImportBatchWriter) => Promise<T>): Promise<T> {
    const tx = new InMemoryImportTransaction(this.store);
    try {
      return await work(tx);
    } catch (error) {
      tx.rollback();
      throw error;
    }
  }
}

class InMemoryImportTransaction implements ImportBatchWriter {
  private readonly store: InMemoryStore;
  private readonly undo = new Map<number, Movie | undefined>();
  private readonly idsByKey = new Map<string, number>();

  constructor(store: InMemoryStore) {
    this.store = store;
    for (const movie of store.movies.values()) this.idsByKey.set(movie.naturalKey(), movie.id);
  }

  async upsertBatch(movies: readonly Movie[]): Promise<UpsertOutcome> {
    const outcome = { inserted: 0, updated: 0, unchanged: 0 };
    for (const movie of movies) outcome[this.upsert(movie)]++;
    return outcome;
  }

  rollback(): void {
    for (const [id, previous] of this.undo) {
      if (previous) this.store.movies.set(id, previous);
      else this.store.movies.delete(id);
    }
  }

  private upsert(movie: Movie): keyof UpsertOutcome {
    const id = this.idsByKey.get(movie.naturalKey());
    const stored = id === undefined ? undefined : this.store.movies.get(id);
    if (!stored) return this.write(Movie.restore({ ...movie, id: this.store.nextId() }), 'inserted');
    const updated = importedOver(stored, movie);
    return updated === null ? 'unchanged' : this.write(updated, 'updated');
  }

  private write(movie: Movie, outcome: keyof UpsertOutcome): keyof UpsertOutcome {
    if (!this.undo.has(movie.id)) this.undo.set(movie.id, this.store.movies.get(movie.id));
    this.store.movies.set(movie.id, movie);
    this.idsByKey.set(movie.naturalKey(), movie.id);
    return outcome;
  }
}
