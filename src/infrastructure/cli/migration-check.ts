import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../database.ts';

/*
 * `npm run migration:check` (CI): fails when the entity declarations and the migrations
 * disagree. It applies every migration to a fresh PGlite cluster, then asks MikroORM for
 * the SQL that would bring that schema to the entities (must be empty: no column, index or
 * constraint declared without a migration, or migrated without a declaration), and whether
 * the snapshot `migration:create` diffs against still matches the entities (must: otherwise
 * the next migration would repeat or miss changes). What MikroORM cannot declare — the
 * lower_text_array function, the pg_trgm extension — stays in the migrations only; routines
 * are ignored by the comparison (orm-config.ts) and expression indexes compare by name.
 */
const dataDir = await mkdtemp(join(tmpdir(), 'marquee-migration-check-'));
const database = await openDatabase({ dataDir });
try {
  const missing = (await database.orm.schema.getUpdateSchemaSQL({ wrap: false })).trim();
  const staleSnapshot = await database.orm.migrator.checkSchema();
  if (missing) console.error(`The migrations do not build what the entities declare; a migration needs:\n${missing}`);
  if (staleSnapshot) console.error('The migration snapshot is behind the entities: run `npm run migration:create`.');
  if (missing || staleSnapshot) process.exitCode = 1;
  else console.log(`entities, migrations and snapshot agree (${(await database.orm.migrator.getExecuted()).length} migrations)`);
} finally {
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
}
