import type { Movie } from '../../domain/movie.ts';
import type { ImportBatchWriter, UpsertOutcome } from '../ports/movie-import-store.ts';

/**
 * Collects valid movies and writes them `size` at a time, in file order. A key named twice
 * stays in one batch: the store applies its rows in order (the port's contract), so a file
 * repeating one movie costs one statement per batch, not one per repeat.
 */
export class ImportBatch {
  private pending: Movie[] = [];
  private readonly writer: ImportBatchWriter;
  private readonly size: number;

  constructor(writer: ImportBatchWriter, size: number) {
    this.writer = writer;
    this.size = size;
  }

  /** Adds a movie; resolves with what was written when that filled a batch. */
  async add(movie: Movie): Promise<UpsertOutcome | null> {
    this.pending.push(movie);
    return this.pending.length < this.size ? null : this.flush();
  }

  /** Writes what is waiting; null when nothing was. */
  async flush(): Promise<UpsertOutcome | null> {
    if (this.pending.length === 0) return null;
    const movies = this.pending;
    this.pending = [];
    return this.writer.upsertBatch(movies);
  }
}
