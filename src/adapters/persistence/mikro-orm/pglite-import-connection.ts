import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Movie } from '../../../domain/movie.ts';
import { importSettings, type ImportConnection } from './import-connection.ts';
import { translated } from './kysely-database.ts';
import { inTransaction } from './kysely-transaction.ts';
import type { MovieImportSql, Statement } from './movie-import-rows.ts';

/** PGlite: the Kysely transaction (its one connection), and one INSERT … SELECT FROM unnest per batch of new movies. */
export function inPgliteImport<DB, T>(
  db: Kysely<DB>,
  sql: MovieImportSql,
  work: (connection: ImportConnection<Statement>) => Promise<T>,
): Promise<T> {
  return inTransaction(db, async (trx) => {
    const connection = new KyselyImportConnection(trx, sql);
    await connection.rows(importSettings);
    return work(connection);
  });
}

class KyselyImportConnection<DB> implements ImportConnection<Statement> {
  private readonly trx: Transaction<DB>;
  private readonly sql: MovieImportSql;

  constructor(trx: Transaction<DB>, sql: MovieImportSql) {
    this.trx = trx;
    this.sql = sql;
  }

  async rows<R>(statement: Statement): Promise<R[]> {
    return (await translated(this.trx.executeQuery<R>(CompiledQuery.raw(statement.sql, statement.parameters)))).rows as R[];
  }

  prepareInsert(movies: readonly Movie[]): Statement {
    return this.sql.insert(movies);
  }

  async insert(prepared: Statement): Promise<{ stored: Promise<void> }> {
    await this.rows(prepared);
    return { stored: Promise.resolve() };
  }
}
