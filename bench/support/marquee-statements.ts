import type { Pool } from 'pg';
import { buildHttpApp } from '../../src/adapters/http/app.ts';
import { buildUseCases } from '../../src/infrastructure/container.ts';
import { openDatabase } from '../../src/infrastructure/database.ts';

/** A statement as Marquee's driver sent it: text, parameters and, when prepared, its name. */
export interface RecordedStatement {
  text: string;
  values: unknown[];
  name?: string;
}

type Query = (...args: unknown[]) => unknown;

function recordedFrom(args: unknown[]): RecordedStatement {
  const [first, second] = args as [string | { text: string; values?: unknown[]; name?: string }, unknown[]?];
  if (typeof first === 'string') return { text: first, values: Array.isArray(second) ? second : [] };
  return { text: first.text, values: first.values ?? (Array.isArray(second) ? second : []), ...(first.name ? { name: first.name } : {}) };
}

/**
 * The statements Marquee sends for each of `urls`, recorded below MikroORM and Kysely on the
 * pg clients while its HTTP app answers the request in this process: the bare baseline then
 * runs exactly these, whatever the repositories' query code builds today (search's ranking
 * included). Each URL must answer 200.
 */
export async function marqueeStatements(databaseUrl: string, urls: string[]): Promise<Map<string, RecordedStatement[]>> {
  const database = await openDatabase({ databaseUrl, dataDir: './data', migrate: false });
  const app = await buildHttpApp({
    useCases: buildUseCases(database.repositories),
    logger: false,
    corsOrigins: [],
    isReady: () => database.ping(),
  });
  const client = (database.native as Pool & { Client: { prototype: { query: Query } } }).Client.prototype;
  const original = client.query;
  let recording: RecordedStatement[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const statement = recordedFrom(args);
    // A new connection's settings are sent once per connection, not per request: the bare pool sets them on connect.
    if (!/^\s*set\s/i.test(statement.text)) recording.push(statement);
    return original.apply(this, args);
  };
  const statements = new Map<string, RecordedStatement[]>();
  try {
    for (const url of urls) {
      recording = [];
      const response = await app.inject(url);
      if (response.statusCode !== 200) throw new Error(`${url} → ${response.statusCode}: ${response.body.slice(0, 300)}`);
      statements.set(url, recording);
    }
  } finally {
    client.query = original;
    await app.close();
    await database.close();
  }
  return statements;
}
