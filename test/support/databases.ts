import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Test } from 'tap';
import { kyselyOf, translated } from '../../src/adapters/persistence/mikro-orm/kysely-database.ts';
import { openDatabase, type Database, type DatabaseOptions } from '../../src/infrastructure/database.ts';
import { freshPgliteDir } from './pglite-template.ts';
import { needsPostgres, TEST_DATABASE_URL } from './services.ts';

/**
 * Where fresh test databases are created (and dropped): any database of the server will do.
 * Unset, the tests that need it are skipped (see services.ts) and never reach here.
 */
export const POSTGRES_ADMIN_URL = TEST_DATABASE_URL ?? 'postgres://TEST_DATABASE_URL-is-not-set.invalid/test';

interface Teardown {
  teardown(fn: () => unknown): void;
}

type ExtraOptions = Omit<DatabaseOptions, 'databaseUrl' | 'dataDir'>;

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated PostgreSQL database for this test; dropped when it ends. */
export async function withPostgres(t: Teardown, options: ExtraOptions = {}): Promise<Database> {
  const name = `marquee_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`create database "${name}"`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ ...options, databaseUrl: url.toString(), dataDir: tmpdir() });
  t.teardown(async () => {
    await database.close();
    await admin((client) => client.query(`drop database if exists "${name}" with (force)`));
  });
  return database;
}

/** A fresh, migrated PGlite database in a temporary directory (a copy of the template); removed when the test ends. */
export async function withPglite(t: Teardown, options: ExtraOptions = {}): Promise<Database> {
  const dataDir = await freshPgliteDir();
  const database = await openDatabase({ ...options, dataDir });
  t.teardown(async () => {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return database;
}

/** Plain SQL for tests ($1, $2 … bound) on the ORM's own connection; failures translated as the repositories' are. */
export function sqlOf(database: Database) {
  return {
    async query<R = Record<string, unknown>>(text: string, params: readonly unknown[] = []) {
      const statement = CompiledQuery.raw(text, [...params]);
      const { rows, numAffectedRows } = await translated(kyselyOf(database.orm).executeQuery<R>(statement));
      return { rows, rowCount: Number(numAffectedRows ?? rows.length) };
    },
  };
}

/** Empties the catalog tables between tests that share one database. */
export async function truncateCatalog(database: Database): Promise<void> {
  await sqlOf(database).query('truncate table casting, movie, actor restart identity cascade');
}

type DatabaseKind = 'PGlite' | 'PostgreSQL';

/** Runs `body` as a subtest on a fresh PGlite database and on PostgreSQL (skipped when TEST_DATABASE_URL is unset). */
export function onEachDatabase(t: Test, body: (t: Test, database: Database, kind: DatabaseKind) => void | Promise<void>): void {
  const kinds = [
    ['PGlite', withPglite, {}],
    ['PostgreSQL', withPostgres, needsPostgres],
  ] as const;
  for (const [kind, open, options] of kinds) t.test(kind, options, async (sub) => body(sub, await open(sub), kind));
}
