import { PgliteDriver } from '@mikro-orm/pglite';
import type { Pool } from 'pg';
import type { ImportBatchWriter, MovieImportStore } from '../../../application/ports/movie-import-store.ts';
import { BulkImportWriter } from './bulk-import-writer.ts';
import type { ImportConnection } from './import-connection.ts';
import { inPgliteImport } from './pglite-import-connection.ts';
import { inPostgresImport } from './postgres-import-connection.ts';
import { kyselyOf, type SqlOrm } from './kysely-database.ts';
import type { MovieImportSql } from './movie-import-rows.ts';

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
    const run = <P>(connection: ImportConnection<P>) => BulkImportWriter.around(connection, this.sql, work);
    if (this.orm.em.getDriver() instanceof PgliteDriver) return inPgliteImport(kyselyOf(this.orm), this.sql, run);
    const pool = (await this.orm.em.getConnection().getNativeClient()) as Pool;
    return inPostgresImport(pool, this.sql, run);
  }
}
