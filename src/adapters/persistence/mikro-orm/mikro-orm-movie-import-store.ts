import { CompiledQuery, sql, type Transaction } from 'kysely';
import type { ImportBatchWriter, MovieImportStore, UpsertOutcome } from '../../../application/ports/movie-import-store.ts';
import type { Movie } from '../../../domain/movie.ts';
import { kyselyOf, translated, type MarqueeDatabase, type SqlOrm } from './kysely-database.ts';
import { inTransaction } from './kysely-transaction.ts';
import { IMPORT_LOCK_KEY, type MovieUpsert } from './movie-import-rows.ts';

/**
 * Bulk imports on PostgreSQL or PGlite: one transaction on one connection for the whole
 * import (see `inTransaction`), one statement per batch. Imports serialise on an advisory
 * lock taken first thing, so concurrent imports wait for each other.
 */
export class MikroOrmMovieImportStore implements MovieImportStore {
  private readonly orm: SqlOrm;
  private readonly upsert: MovieUpsert;

  constructor(orm: SqlOrm, upsert: MovieUpsert) {
    this.orm = orm;
    this.upsert = upsert;
  }

  transaction<T>(work: (tx: ImportBatchWriter) => Promise<T>): Promise<T> {
    return inTransaction(kyselyOf(this.orm), async (trx) => {
      await translated(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`.execute(trx));
      return work(new KyselyImportBatchWriter(trx, this.upsert));
    });
  }
}

class KyselyImportBatchWriter implements ImportBatchWriter {
  private readonly trx: Transaction<MarqueeDatabase>;
  private readonly upsert: MovieUpsert;

  constructor(trx: Transaction<MarqueeDatabase>, upsert: MovieUpsert) {
    this.trx = trx;
    this.upsert = upsert;
  }

  /** The upsert's text is built once from MovieEntity's metadata (movie-import-rows.ts); each batch binds its columns. */
  async upsertBatch(movies: readonly Movie[]): Promise<UpsertOutcome> {
    if (movies.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    const statement = CompiledQuery.raw(this.upsert.sql, this.upsert.parameters(movies));
    const { rows } = await translated(this.trx.executeQuery<{ inserted: boolean }>(statement));
    const inserted = rows.filter((row) => row.inserted).length;
    return { inserted, updated: rows.length - inserted, unchanged: movies.length - rows.length };
  }
}
