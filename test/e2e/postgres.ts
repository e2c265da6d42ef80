import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freshPgliteDir } from '../support/pglite-template.ts';

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the server of `serverUrl`, named after `purpose` and this process. */
export async function freshPostgresDatabase(serverUrl: string, purpose: string): Promise<FreshDatabase> {
  const name = `marquee_${purpose}_${process.pid}_${Date.now()}`;
  await withClient(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export interface ServerDatabase {
  /** DATA_DIR, and DATABASE_URL when the run has one, for the server's environment. */
  env: { DATA_DIR: string; DATABASE_URL?: string };
  drop(): Promise<void>;
}

/**
 * Where an e2e server keeps its data: a fresh PostgreSQL database when the run has
 * DATABASE_URL, else PGlite in a temporary DATA_DIR (made either way, for the JWT secret).
 */
export async function serverDatabase(purpose: string): Promise<ServerDatabase> {
  const database = process.env.DATABASE_URL ? await freshPostgresDatabase(process.env.DATABASE_URL, purpose) : undefined;
  const dataDir = database ? mkdtempSync(join(tmpdir(), `marquee-${purpose}-`)) : await freshPgliteDir(`marquee-${purpose}-`);
  return {
    env: { DATA_DIR: dataDir, ...(database && { DATABASE_URL: database.url }) },
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
