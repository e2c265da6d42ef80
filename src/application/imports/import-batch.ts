import type { Movie } from '../../domain/movie.ts';
import type { ImportBatchWriter, UpsertOutcome } from '../ports/movie-import-store.ts';

/**
 * Collects valid movies and writes them `size` at a time. A row whose natural key is
 * already waiting in the batch flushes the batch first, so a file's later duplicate is
 * applied after the earlier one (it wins, counted updated — or unchanged if identical)
 * and no batch ever holds a key twice (the port's promise to the database).
 */
export class ImportBatch {
  private readonly pending = new Map<string, Movie>();
  private readonly writer: ImportBatchWriter;
  private readonly size: number;

  constructor(writer: ImportBatchWriter, size: number) {
    this.writer = writer;
    this.size = size;
  }

  /** Adds a movie; resolves with what was written when that filled (or split) a batch. */
  async add(movie: Movie): Promise<UpsertOutcome | null> {
    const key = movie.naturalKey();
    const written = this.pending.has(key) ? await this.flush() : null;
    this.pending.set(key, movie);
    if (this.pending.size < this.size) return written;
    const flushed = await this.flush();
    return written ? sum(written, flushed ?? zero()) : flushed;
  }

  /** Writes what is waiting; null when nothing was. */
  async flush(): Promise<UpsertOutcome | null> {
    if (this.pending.size === 0) return null;
    const movies = [...this.pending.values()]; // file order, so new ids follow the file
    this.pending.clear();
    return this.writer.upsertBatch(movies);
  }
}

const zero = (): UpsertOutcome => ({ inserted: 0, updated: 0, unchanged: 0 });
const sum = (a: UpsertOutcome, b: UpsertOutcome): UpsertOutcome => ({
  inserted: a.inserted + b.inserted,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
});
