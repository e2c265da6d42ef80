import type { ImportBatchWriter, UpsertOutcome } from '../../../application/ports/movie-import-store.ts';
import { conflict } from '../../../domain/errors.ts';
import type { Movie } from '../../../domain/movie.ts';
import { UNIQUE_VIOLATION, violates } from './database-errors.ts';
import type { ImportConnection } from './import-connection.ts';
import { importKey, planBatch } from './movie-import-plan.ts';
import { storedMovie, type MovieImportSql } from './movie-import-rows.ts';
import { WrittenKeys } from './written-keys.ts';

/**
 * Answers each batch's outcome as soon as it is decided and writes it behind: the caller reads
 * and validates the next batch while the database stores this one (the counts are already
 * exact, the rows locked). A failed write rejects the next batch, or the commit.
 *
 * The database waits while a batch is decided, so what can be built before that is built while
 * it still stores the batch before: the key lookup, and, while batches are all new movies (a
 * first import), the rows as they will be sent. Measured at 200,000 rows, building the COPY
 * text after the lookup left the database idle about 5 ms in every 55 ms.
 *
 * Where the connection has a probe (PostgreSQL), the lookup itself (5 of 90 s at a million rows)
 * leaves the import's connection: the probe, on a second one, finds which keys are stored while
 * the first stores the batch before. It cannot see this import's own rows, so only keys it found
 * or that this import may have inserted (WrittenKeys) are looked up, and locked, in the import.
 */
export class BulkImportWriter<Prepared> implements ImportBatchWriter {
  private readonly connection: ImportConnection<Prepared>;
  private readonly sql: MovieImportSql;
  private writing: Promise<void> = Promise.resolve();
  private lastAllNew = true; // whether the batch before inserted every row: then this one is built ahead
  private readonly written = new WrittenKeys();

  private constructor(connection: ImportConnection<Prepared>, sql: MovieImportSql) {
    this.connection = connection;
    this.sql = sql;
  }

  /** Runs `work` with a writer; every write has ended (and succeeded, for a commit) when this settles. */
  static async around<P, T>(connection: ImportConnection<P>, sql: MovieImportSql, work: (tx: ImportBatchWriter) => Promise<T>): Promise<T> {
    const writer = new BulkImportWriter(connection, sql);
    try {
      const result = await work(writer);
      await writer.writing;
      return result;
    } catch (error) {
      await writer.writing.catch(() => undefined); // nothing may still run when the rollback is sent
      throw error;
    }
  }

  async upsertBatch(movies: readonly Movie[]): Promise<UpsertOutcome> {
    const byKey = new Map(movies.map((movie) => [importKey(movie), movie]));
    const probed = this.probe([...byKey.values()]);
    const allNew = this.lastAllNew && byKey.size === movies.length ? this.connection.prepareInsert(movies) : null;
    await this.writing;
    const stored = await this.stored(byKey, probed);
    const plan = planBatch(movies, stored);
    for (const key of byKey.keys()) if (!stored.has(key)) this.written.add(key); // the keys plan.inserts holds
    this.lastAllNew = plan.inserts.length === movies.length; // then plan.inserts is `movies`, in order
    const inserts = plan.inserts.length === 0 ? null : this.lastAllNew && allNew ? allNew : this.connection.prepareInsert(plan.inserts);
    const updating = plan.updates.length > 0 ? this.connection.rows(this.sql.update(plan.updates)) : null;
    const inserting = inserts === null ? null : this.connection.insert(inserts);
    this.writing = Promise.all([updating, inserting?.then(({ stored }) => stored)]).then(() => undefined, raceLost);
    this.writing.catch(() => undefined); // surfaces at the next batch or the commit, not as an unhandled rejection
    await inserting?.catch(() => undefined); // the rows are on their way
    return plan.outcome;
  }

  /** The positions (from 1) of the keys the probe finds stored; null without a probe. */
  private probe(firsts: Movie[]): Promise<Set<number>> | null {
    if (!this.connection.probe || firsts.length === 0) return null;
    const found = this.connection.probe<{ n: number }>(this.sql.probe(firsts)).then((rows) => new Set(rows.map(({ n }) => n)));
    found.catch(() => undefined); // awaited after the write before, which may fail first
    return found;
  }

  /** The stored movies of the batch's keys (one movie per key), by key, locked. */
  private async stored(byKey: Map<string, Movie>, probed: Promise<Set<number>> | null): Promise<Map<string, Movie>> {
    const found = probed && (await probed);
    const keys = [...byKey.keys()].filter((key, i) => !found || found.has(i + 1) || this.written.mightHave(key));
    if (keys.length === 0) return new Map();
    const lookedUp = keys.map((key) => byKey.get(key)!);
    const rows = await this.connection.rows<{ n: number; stored: string }>(this.sql.find(lookedUp));
    return new Map(rows.map(({ n, stored }) => [keys[n - 1]!, storedMovie(stored)]));
  }
}

/**
 * A key the lookup found free was taken before the COPY (another request created that movie and
 * committed meanwhile): the import rolls back with a 409, not a failure of the database.
 */
function raceLost(error: unknown): never {
  if (!violates(error, UNIQUE_VIOLATION)) throw error;
  throw conflict(
    'MOVIE_CONFLICT',
    'a movie of this file was created by another request during the import; nothing was stored, import it again',
  );
}
