import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_PATH } from '../../src/adapters/persistence/mikro-orm/orm-config.ts';
import { openDatabase } from '../../src/infrastructure/database.ts';

/*
 * A fresh PGlite DATA_DIR costs an initdb and every migration: about 6 s on a quiet 2-core
 * machine, far more on a busy one, and the suite makes dozens. So the first test that needs
 * one builds a migrated, empty cluster once, in the temporary directory under a name made of
 * the PGlite version and the migrations' text, and every fresh DATA_DIR is a copy of it (a
 * PostgreSQL data directory is relocatable). A changed migration or PGlite makes a new one.
 * Built under a unique name and renamed into place, so parallel test files never see half of it.
 */

const PGLITE_PACKAGE = new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url);

function templateKey(): string {
  const hash = createHash('sha256').update(readFileSync(PGLITE_PACKAGE));
  for (const name of readdirSync(MIGRATIONS_PATH).sort()) hash.update(name).update(readFileSync(join(MIGRATIONS_PATH, name)));
  return hash.digest('hex').slice(0, 16);
}

let template: Promise<string> | undefined;

/** The migrated, empty PGlite cluster this run copies from (built on first use). */
export function pgliteTemplate(): Promise<string> {
  template ??= build();
  return template;
}

async function build(): Promise<string> {
  const path = join(tmpdir(), `marquee-pglite-template-${templateKey()}`);
  if (existsSync(join(path, 'PG_VERSION'))) return path;
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ dataDir: draft });
  await database.close();
  try {
    renameSync(draft, path);
  } catch {
    rmSync(draft, { recursive: true, force: true }); // another test file finished first: use its copy
  }
  return path;
}

/** A new temporary DATA_DIR holding an empty, migrated PGlite database. */
export async function freshPgliteDir(prefix = 'marquee-pglite-'): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  await copyPgliteTemplate(dataDir);
  return dataDir;
}

/** Makes `dataDir` (created if missing) an empty, migrated PGlite database. */
export async function copyPgliteTemplate(dataDir: string): Promise<void> {
  cpSync(await pgliteTemplate(), dataDir, { recursive: true });
}
