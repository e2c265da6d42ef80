import type { Kysely, Transaction } from 'kysely';
import { translateDatabaseError } from './database-errors.ts';

/**
 * Runs `work` in one transaction, on one connection of the Kysely instance MikroORM built:
 * a pooled client on PostgreSQL; on PGlite its one connection, which Kysely holds for the
 * whole transaction (the PGlite dialect allows one connection at a time), so every other
 * statement waits for it to end instead of slipping into it. Commit on success, rollback
 * otherwise. Errors of `work` come back unchanged (callers throw on purpose to roll back);
 * failures of BEGIN, COMMIT, ROLLBACK and of getting a connection are translated like every
 * other statement (connection loss → 'unavailable').
 */
export async function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  let failed: { error: unknown } | undefined;
  try {
    return await db.transaction().execute((trx) =>
      work(trx).catch((error: unknown) => {
        failed = { error };
        throw error;
      }),
    );
  } catch (error) {
    if (failed && failed.error === error) throw error;
    throw translateDatabaseError(error);
  }
}
