import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { finished } from 'node:stream/promises';
import type { Movie } from '../../../domain/movie.ts';
import { translated } from './kysely-database.ts';
import { inTransaction } from './kysely-transaction.ts';
import { IMPORT_LOCK_KEY, type MovieImportSql, type Statement } from './movie-import-rows.ts';

/** The one connection an import runs on, inside its transaction. Failures come out translated. */
export interface ImportConnection {
  rows<R>(statement: Statement): Promise<R[]>;
  /**
   * Inserts new movies, ids in the given order. Resolves once the rows are on their way, with
   * the promise of their being stored: the caller goes on reading while the database works.
   */
  insert(movies: readonly Movie[]): Promise<{ stored: Promise<void> }>;
}

/**
 * First thing in an import: the advisory lock, and index lookups only for this transaction. The
 * table grows under the import faster than its statistics: planned from them, a batch's lookup
 * by natural key became a hash join over a scan of the whole table (EXPLAIN ANALYZE at 100,000
 * rows: 460 ms per batch of 1,000, growing with the table, against about 10 ms through the index).
 */
const importSettings: Statement = {
  sql: `select pg_advisory_xact_lock($1), set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)`,
  parameters: [IMPORT_LOCK_KEY],
};

/**
 * PostgreSQL: a client of MikroORM's pool, held for the whole import, and COPY FROM STDIN for
 * new movies — the bulk path `psql \copy` takes (multi-row heap inserts) instead of an INSERT.
 * Errors of `work` come back unchanged; a client whose ROLLBACK failed is discarded, not reused.
 */
export async function inPostgresImport<T>(pool: Pool, sql: MovieImportSql, work: (connection: ImportConnection) => Promise<T>): Promise<T> {
  const client = await translated(pool.connect());
  const connection = new PostgresImportConnection(client, sql);
  let reusable = true;
  try {
    await connection.rows({ sql: 'begin', parameters: [] });
    await connection.rows(importSettings);
    const result = await work(connection);
    await connection.rows({ sql: 'commit', parameters: [] });
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => (reusable = false));
    throw error;
  } finally {
    client.release(!reusable);
  }
}

class PostgresImportConnection implements ImportConnection {
  private readonly client: PoolClient;
  private readonly sql: MovieImportSql;

  constructor(client: PoolClient, sql: MovieImportSql) {
    this.client = client;
    this.sql = sql;
  }

  async rows<R>(statement: Statement): Promise<R[]> {
    return (await translated(this.client.query(statement.sql, statement.parameters))).rows as R[];
  }

  /**
   * The rows leave once PostgreSQL answered the COPY (its CopyInResponse): waiting for that here,
   * rather than leaving it to the event loop, sends them before the caller parses the next
   * batch, which holds the event loop for as long as its records are already buffered.
   */
  async insert(movies: readonly Movie[]): Promise<{ stored: Promise<void> }> {
    const copy = this.client.query(copyFrom(this.sql.copy));
    const stored = translated(finished(copy));
    stored.catch(() => undefined); // the caller awaits it later
    const sent = new Promise<void>((resolve) => copy.write(this.sql.copyRows(movies), () => resolve()));
    copy.end();
    await Promise.race([sent, stored]);
    return { stored };
  }
}

/** PGlite: the Kysely transaction (its one connection), and one INSERT … SELECT FROM unnest per batch of new movies. */
export function inPgliteImport<DB, T>(db: Kysely<DB>, sql: MovieImportSql, work: (connection: ImportConnection) => Promise<T>): Promise<T> {
  return inTransaction(db, async (trx) => {
    const connection = new KyselyImportConnection(trx, sql);
    await connection.rows(importSettings);
    return work(connection);
  });
}

class KyselyImportConnection<DB> implements ImportConnection {
  private readonly trx: Transaction<DB>;
  private readonly sql: MovieImportSql;

  constructor(trx: Transaction<DB>, sql: MovieImportSql) {
    this.trx = trx;
    this.sql = sql;
  }

  async rows<R>(statement: Statement): Promise<R[]> {
    return (await translated(this.trx.executeQuery<R>(CompiledQuery.raw(statement.sql, statement.parameters)))).rows as R[];
  }

  async insert(movies: readonly Movie[]): Promise<{ stored: Promise<void> }> {
    await this.rows(this.sql.insert(movies));
    return { stored: Promise.resolve() };
  }
}
