import type { ImportBatchWriter, UpsertOutcome } from '../../../application/ports/movie-import-store.ts';
import { conflict } from '../../../domain/errors.ts';
import type { Movie } from '../../../domain/movie.ts';
import { UNIQUE_VIOLATION, violates } from './database-errors.ts';
import type { ImportConnection } from './import-connection.ts';
import { importKey, planBatch } from './movie-import-plan.ts';
import { storedMovie, type MovieImportSql, type Statement } from './movie-import-rows.ts';

/**
 * Answers each batch's outcome as soon as it is decided and writes it behind: the caller reads
 * and validates the next batch while the database stores this one (the counts are already
 * exact, the rows locked). A failed write rejects the next batch, or the commit.
 *
 * The database waits while a batch is decided, so what can be built before that is built while
 * it still stores the batch before: the key lookup, and, while batches are all new movies (a
 * first import), the rows as they will be sent. Measured at 200,000 rows, building the COPY
 * text after the lookup left the database idle about 5 ms in every 55 ms.
 */
export class BulkImportWriter<Prepared> implements ImportBatchWriter {
  private readonly connection: ImportConnection<Prepared>;
  private readonly sql: MovieImportSql;
  private writing: Promise<void> = Promise.resolve();
  private lastAllNew = true; // whether the batch before inserted every row: then this one is built ahead

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
    const firsts = [...new Map(movies.map((movie) => [importKey(movie), movie])).values()];
    const lookup = this.sql.find(firsts);
    const allNew = this.lastAllNew && firsts.length === movies.length ? this.connection.prepareInsert(movies) : null;
    await this.writing;
    const plan = planBatch(movies, await this.stored(firsts, lookup));
    this.lastAllNew = plan.inserts.length === movies.length; // then plan.inserts is `movies`, in order
    const inserts = plan.inserts.length === 0 ? null : this.lastAllNew && allNew ? allNew : this.connection.prepareInsert(plan.inserts);
    const updating = plan.updates.length > 0 ? this.connection.rows(this.sql.update(plan.updates)) : null;
    const inserting = inserts === null ? null : this.connection.insert(inserts);
    this.writing = Promise.all([updating, inserting?.then(({ stored }) => stored)]).then(() => undefined, raceLost);
    this.writing.catch(() => undefined); // surfaces at the next batch or the commit, not as an unhandled rejection
    await inserting?.catch(() => undefined); // the rows are on their way
    return plan.outcome;
  }

  /** The stored movies of the batch's keys (`firsts`, one movie per key), by key. */
  private async stored(firsts: Movie[], lookup: Statement): Promise<Map<string, Movie>> {
    if (firsts.length === 0) return new Map();
    const found = await this.connection.rows<{ n: number; stored: string }>(lookup);
    return new Map(found.map(({ n, stored }) => [importKey(firsts[n - 1]!), storedMovie(stored)]));
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
