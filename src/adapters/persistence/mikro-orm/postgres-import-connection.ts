import { finished } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Movie } from '../../../domain/movie.ts';
import { importSettings, type ImportConnection } from './import-connection.ts';
import { translated } from './kysely-database.ts';
import type { MovieImportSql, Statement } from './movie-import-rows.ts';

/**
 * PostgreSQL: a client of MikroORM's pool, held for the whole import, and COPY FROM STDIN for
 * new movies — the bulk path `psql \copy` takes (multi-row heap inserts) instead of an INSERT.
 * Errors of `work` come back unchanged; a client whose ROLLBACK failed is discarded, not reused.
 */
export async function inPostgresImport<T>(
  pool: Pool,
  sql: MovieImportSql,
  work: (connection: ImportConnection<string>) => Promise<T>,
): Promise<T> {
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

class PostgresImportConnection implements ImportConnection<string> {
  private readonly client: PoolClient;
  private readonly sql: MovieImportSql;

  constructor(client: PoolClient, sql: MovieImportSql) {
    this.client = client;
    this.sql = sql;
  }

  async rows<R>(statement: Statement): Promise<R[]> {
    const { sql: text, parameters: values, name } = statement;
    return (await translated(this.client.query({ text, values, name }))).rows as R[];
  }

  prepareInsert(movies: readonly Movie[]): string {
    return this.sql.copyRows(movies);
  }

  /**
   * The rows leave once PostgreSQL answered the COPY (its CopyInResponse): waiting for that here,
   * rather than leaving it to the event loop, sends them before the caller parses the next
   * batch, which holds the event loop for as long as its records are already buffered.
   */
  async insert(prepared: string): Promise<{ stored: Promise<void> }> {
    const copy = this.client.query(copyFrom(this.sql.copy));
    const stored = translated(finished(copy));
    stored.catch(() => undefined); // the caller awaits it later
    const sent = new Promise<void>((resolve) => copy.write(prepared, () => resolve()));
    copy.end();
    await Promise.race([sent, stored]);
    return { stored };
  }
}
