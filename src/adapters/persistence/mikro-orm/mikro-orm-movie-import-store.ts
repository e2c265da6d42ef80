import { PgliteDriver } from '@mikro-orm/pglite';
import type { Pool } from 'pg';
import type { ImportBatchWriter, MovieImportStore, UpsertOutcome } from '../../../application/ports/movie-import-store.ts';
import { conflict } from '../../../domain/errors.ts';
import type { Movie } from '../../../domain/movie.ts';
import { UNIQUE_VIOLATION, violates } from './database-errors.ts';
import type { ImportConnection } from './import-connection.ts';
import { inPgliteImport } from './pglite-import-connection.ts';
import { inPostgresImport } from './postgres-import-connection.ts';
import { kyselyOf, type SqlOrm } from './kysely-database.ts';
import { importKey, planBatch } from './movie-import-plan.ts';
import { storedMovie, type MovieImportSql } from './movie-import-rows.ts';

/**
 * Bulk imports on PostgreSQL or PGlite: one transaction on one connection for the whole import,
 * serialised with other imports by an advisory lock taken first thing. Per batch: one statement
 * finds (and locks) the stored movies of its keys, the batch is decided here (movie-import-plan.ts),
 * then new movies go in by COPY (PostgreSQL) or one INSERT (PGlite) and changed ones by one UPDATE.
 */
export class MikroOrmMovieImportStore implements MovieImportStore {
  private readonly orm: SqlOrm;
  private readonly sql: MovieImportSql;

  constructor(orm: SqlOrm, sql: MovieImportSql) {
    this.orm = orm;
    this.sql = sql;
  }

  async transaction<T>(work: (tx: ImportBatchWriter) => Promise<T>): Promise<T> {
    const run = (connection: ImportConnection) => BulkImportWriter.around(connection, this.sql, work);
    if (this.orm.em.getDriver() instanceof PgliteDriver) return inPgliteImport(kyselyOf(this.orm), this.sql, run);
    const pool = (await this.orm.em.getConnection().getNativeClient()) as Pool;
    return inPostgresImport(pool, this.sql, run);
  }
}

/**
 * Answers each batch's outcome as soon as it is decided and writes it behind: the caller reads
 * and validates the next batch while the database stores this one (the counts are already
 * exact, the rows locked). A failed write rejects the next batch, or the commit.
 */
class BulkImportWriter implements ImportBatchWriter {
  private readonly connection: ImportConnection;
  private readonly sql: MovieImportSql;
  private writing: Promise<void> = Promise.resolve();

  private constructor(connection: ImportConnection, sql: MovieImportSql) {
    this.connection = connection;
    this.sql = sql;
  }

  /** Runs `work` with a writer; every write has ended (and succeeded, for a commit) when this settles. */
  static async around<T>(connection: ImportConnection, sql: MovieImportSql, work: (tx: ImportBatchWriter) => Promise<T>): Promise<T> {
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
    await this.writing;
    const plan = planBatch(movies, await this.stored(movies));
    const updating = plan.updates.length > 0 ? this.connection.rows(this.sql.update(plan.updates)) : null;
    const inserting = plan.inserts.length > 0 ? this.connection.insert(plan.inserts) : null;
    this.writing = Promise.all([updating, inserting?.then(({ stored }) => stored)]).then(() => undefined, raceLost);
    this.writing.catch(() => undefined); // surfaces at the next batch or the commit, not as an unhandled rejection
    await inserting?.catch(() => undefined); // the rows are on their way
    return plan.outcome;
  }

  /** The stored movies of the batch's keys, by key: one probe per distinct key. */
  private async stored(movies: readonly Movie[]): Promise<Map<string, Movie>> {
    const firsts = [...new Map(movies.map((movie) => [importKey(movie), movie])).values()];
    if (firsts.length === 0) return new Map();
    const found = await this.connection.rows<{ n: number; stored: string }>(this.sql.find(firsts));
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
