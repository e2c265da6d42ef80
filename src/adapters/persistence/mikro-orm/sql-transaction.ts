import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import { translateDatabaseError } from './database-errors.ts';
import { sqlClientOf, type SqlClient } from './sql-client.ts';

/** The driver MikroORM opened: a `pg.Pool` for PostgreSQL, the PGlite instance otherwise. */
export type NativeClient = Pool | PGlite;

/** Runs `work` in one transaction on one connection; commit on success, rollback and rethrow otherwise. */
export type RunInTransaction = <T>(work: (sql: SqlClient) => Promise<T>) => Promise<T>;

export const isPglite = (native: NativeClient): native is PGlite => 'transaction' in native;

/**
 * A transaction runner for either driver. Errors of `work` come back unchanged (callers
 * throw on purpose to roll back); failures of BEGIN/COMMIT and of getting a connection are
 * translated like every other statement (connection loss → 'unavailable').
 */
export function transactionRunnerOf(native: NativeClient): RunInTransaction {
  return isPglite(native) ? pgliteTransaction(native) : poolTransaction(native);
}

function pgliteTransaction(pglite: PGlite): RunInTransaction {
  return async (work) => {
    let failed: { error: unknown } | undefined;
    try {
      return await pglite.transaction((tx) =>
        work(sqlClientOf(tx)).catch((error: unknown) => {
          failed = { error };
          throw error;
        }),
      );
    } catch (error) {
      if (failed && failed.error === error) throw error;
      throw translateDatabaseError(error);
    }
  };
}

// A checked-out client that loses its server emits 'error'; unheard, that would crash the process.
const ignore = (): void => undefined;

function poolTransaction(pool: Pool): RunInTransaction {
  return async <T>(work: (sql: SqlClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect().catch((error: unknown) => {
      throw translateDatabaseError(error);
    });
    client.on('error', ignore);
    const sql = sqlClientOf(client);
    let clean = false; // a client whose transaction did not end cleanly is destroyed, never reused
    try {
      await sql.query('begin');
      const result = await work(sql).catch(async (error: unknown) => {
        clean = await rolledBack(client);
        throw error;
      });
      await sql.query('commit');
      clean = true;
      return result;
    } finally {
      client.off('error', ignore);
      client.release(!clean);
    }
  };
}

async function rolledBack(client: PoolClient): Promise<boolean> {
  return client.query('rollback').then(
    () => true,
    () => false,
  );
}
