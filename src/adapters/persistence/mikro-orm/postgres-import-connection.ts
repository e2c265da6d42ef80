import { finished } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Movie } from '../../../domain/movie.ts';
import { importSettings, probeSettings, type ImportConnection } from './import-connection.ts';
import { translated } from './kysely-database.ts';
import type { MovieImportSql, Statement } from './movie-import-rows.ts';

/**
 * PostgreSQL: a client of MikroORM's pool, held for the whole import, and COPY FROM STDIN for
 * new movies — the bulk path `psql \copy` takes (multi-row heap inserts) instead of an INSERT.
 * A second client, when the pool has one free without waiting (so two imports can never
 * deadlock over the pool), probes keys while the first one stores rows.
 * Errors of `work` come back unchanged; a client whose ROLLBACK failed is discarded, not reused.
 */
export function inPostgresImport<T>(
  pool: Pool,
  sql: MovieImportSql,
  work: (connection: ImportConnection<string>) => Promise<T>,
): Promise<T> {
  return inTransactionOn(pool.connect(), importSettings, 'commit', (client) => {
    const probing = pool.idleCount > 0 || pool.totalCount < (pool.options.max ?? 10) ? pool.connect() : null;
    if (!probing) return work(new PostgresImportConnection(client, sql, null));
    return inTransactionOn(probing, probeSettings, 'rollback', (probe) => work(new PostgresImportConnection(client, sql, probe)));
  });
}

/** `use` inside a transaction on a pool client, begun with `settings` and ended by `end`. */
async function inTransactionOn<T>(
  connecting: Promise<PoolClient>,
  settings: Statement,
  end: string,
  use: (client: PoolClient) => Promise<T>,
) {
  const client = await translated(connecting);
  let reusable = true;
  try {
    await translated(client.query('begin'));
    await translated(client.query(settings.sql, settings.parameters));
    const result = await use(client);
    await translated(client.query(end));
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
  readonly probe?: <R>(statement: Statement) => Promise<R[]>;

  constructor(client: PoolClient, sql: MovieImportSql, probeClient: PoolClient | null) {
    this.client = client;
    this.sql = sql;
    if (probeClient) this.probe = (statement) => query(probeClient, statement);
  }

  rows<R>(statement: Statement): Promise<R[]> {
    return query(this.client, statement);
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

async function query<R>(client: PoolClient, { sql: text, parameters: values, name }: Statement): Promise<R[]> {
  return (await translated(client.query({ text, values, name }))).rows as R[];
}
