import type { ImportBatchWriter, MovieImportStore, UpsertOutcome } from '../../../application/ports/movie-import-store.ts';
import type { Movie } from '../../../domain/movie.ts';
import { IMPORT_LOCK_KEY, type MovieUpsert } from './movie-import-rows.ts';
import type { SqlClient } from './sql-client.ts';
import type { RunInTransaction } from './sql-transaction.ts';

/**
 * Bulk imports on PostgreSQL or PGlite: one transaction on one connection for the whole
 * import (see `transactionRunnerOf`), one statement per batch. Imports serialise on an
 * advisory lock taken first thing, so concurrent imports wait for each other.
 */
export class MikroOrmMovieImportStore implements MovieImportStore {
  private readonly runInTransaction: RunInTransaction;
  private readonly upsert: MovieUpsert;

  constructor(runInTransaction: RunInTransaction, upsert: MovieUpsert) {
    this.runInTransaction = runInTransaction;
    this.upsert = upsert;
  }

  transaction<T>(work: (tx: ImportBatchWriter) => Promise<T>): Promise<T> {
    return this.runInTransaction(async (sql) => {
      await sql.query('select pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
      return work(new SqlImportBatchWriter(sql, this.upsert));
    });
  }
}

class SqlImportBatchWriter implements ImportBatchWriter {
  private readonly sql: SqlClient;
  private readonly upsert: MovieUpsert;

  constructor(sql: SqlClient, upsert: MovieUpsert) {
    this.sql = sql;
    this.upsert = upsert;
  }

  async upsertBatch(movies: readonly Movie[]): Promise<UpsertOutcome> {
    if (movies.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    const { rows } = await this.sql.query<{ inserted: boolean }>(this.upsert.sql, this.upsert.parameters(movies));
    const inserted = rows.filter((row) => row.inserted).length;
    return { inserted, updated: rows.length - inserted, unchanged: movies.length - rows.length };
  }
}
