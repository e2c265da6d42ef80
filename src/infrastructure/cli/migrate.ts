import '../compile-cache.ts'; // first: the modules after it load from the compile cache
import { DataDirLockedError, refuseIfHeld } from '../data-dir-lock.ts';
import { toStderr } from '../startup-steps.ts';
import { loadDotEnv } from '../dot-env.ts';

/** `npm run migrate`: applies pending migrations to DATABASE_URL, or to PGlite in DATA_DIR (from .env too). */
async function migrate(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR || './data';
  if (!databaseUrl) refuseIfHeld(dataDir); // before loading the database code: refused at once
  const { openDatabase } = await import('../database.ts');
  const database = await openDatabase({ databaseUrl, dataDir, migrate: false, log: toStderr });
  try {
    const applied = await database.migrate();
    console.log(applied.length > 0 ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'the database is up to date');
  } finally {
    await database.close();
  }
}

loadDotEnv();
try {
  await migrate();
} catch (error) {
  // A held DATA_DIR's message is already the one line that says what to do.
  if (error instanceof DataDirLockedError) console.error(error.message);
  else console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
