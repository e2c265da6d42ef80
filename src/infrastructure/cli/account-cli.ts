import { refuseIfHeld } from '../data-dir-lock.ts';
import type { UseCases } from '../container.ts';
import { toStderr } from '../startup-steps.ts';

/**
 * Runs `work` with the use cases on DATABASE_URL, or on PGlite in DATA_DIR, then closes the
 * database. A running server holds DATA_DIR: refused at once, before loading the database code.
 */
export async function withUseCases<T>(work: (useCases: UseCases) => Promise<T>): Promise<T> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR || './data';
  if (!databaseUrl) refuseIfHeld(dataDir);
  const [{ buildUseCases }, { openDatabase }] = await Promise.all([import('../container.ts'), import('../database.ts')]);
  const database = await openDatabase({ databaseUrl, dataDir, log: toStderr });
  try {
    return await work(buildUseCases(database.repositories));
  } finally {
    await database.close();
  }
}

/** Runs a CLI's main: its errors (domain errors, a held DATA_DIR) already say everything in one line. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
