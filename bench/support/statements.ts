import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/**
 * Statements the database ran per request: PostgreSQL counts one committed transaction per
 * statement outside an explicit transaction (pg_stat_database.xact_commit). A backend reports
 * its counts once idle, at the latest 10 s later (PostgreSQL 15), hence the waits.
 */
export async function statementsPerRequest(databaseUrl: string, requests: number, send: () => Promise<unknown>): Promise<number> {
  const before = await committed(databaseUrl);
  for (let i = 0; i < requests; i++) await send();
  const after = await committed(databaseUrl);
  return (after - before - 1) / requests; // the reading itself is one transaction
}

async function committed(databaseUrl: string): Promise<number> {
  await sleep(11_000);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const name = new URL(databaseUrl).pathname.slice(1);
    const { rows } = await client.query('select xact_commit::int as n from pg_stat_database where datname = $1', [name]);
    return rows[0].n as number;
  } finally {
    await client.end();
  }
}
