import { openDatabase } from '../database.ts';
import { loadDotEnv } from '../dot-env.ts';

/** `npm run migrate`: applies pending migrations to DATABASE_URL, or to PGlite in DATA_DIR (from .env too). */
loadDotEnv();
const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR || './data',
  migrate: false,
});
try {
  const applied = await database.migrate();
  console.log(applied.length > 0 ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'the database is up to date');
} catch (error) {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
