import pg from 'pg';
import { encodeCursor } from '../../src/adapters/http/cursor.ts';
import { WORD_SIMILARITY_THRESHOLD } from '../../src/domain/search-text.ts';
import type { RecordedStatement } from './marquee-statements.ts';

async function withClient<T>(databaseUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/**
 * The GET /movies URL of the page after `row` rows in `sort` order (one text field, asc/desc): the
 * cursor a client holds after walking that far, made from that row's key as Marquee makes it.
 */
export function cursorAfterRow(databaseUrl: string, sort: string, row: number): Promise<string> {
  const [field = 'id', direction = 'asc'] = sort.split('.');
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ key: string | number | null; id: number }>(
      `select "${field}"::text as key, id from movie order by "${field}" ${direction === 'desc' ? 'desc' : 'asc'} nulls last, id asc offset $1 limit 1`,
      [row - 1],
    );
    const last = rows[0]!;
    return `/movies?sort=${sort}&cursor=${encodeCursor('movies', sort, { values: [last.key], id: last.id })}`;
  });
}

/**
 * Cancels the statements still running on the benchmark database once a run ends, until none
 * has run for a second (at most a minute): requests the load generator gave up on (its 10 s
 * timeout) still wait in the server's pool and would keep both cores busy into the next run.
 * Only this database's sessions are touched.
 */
export function cancelLeftovers(databaseUrl: string): Promise<void> {
  const cancel = `select count(pg_cancel_backend(pid))::int as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and state = 'active'`;
  return withClient(databaseUrl, async (client) => {
    for (let quiet = 0, round = 0; quiet < 4 && round < 240; round++) {
      const { rows } = await client.query<{ n: number }>(cancel);
      quiet = rows[0]!.n === 0 ? quiet + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
}

const ESTIMATE = /^\s*explain\s*\(format json\)\s*/i;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each recorded statement, with the search setting Marquee's
 * connections have. A recorded EXPLAIN (the estimate that may stand in for a count) is shown
 * as the plan it reads, not run.
 */
export function explainStatements(databaseUrl: string, statements: RecordedStatement[]): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    await client.query(`set pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
    const plans: string[] = [];
    for (const statement of statements) {
      const estimate = ESTIMATE.test(statement.text);
      const explain = estimate ? `explain ${statement.text.replace(ESTIMATE, '')}` : `explain (analyze, buffers) ${statement.text}`;
      const { rows } = await client.query(explain, statement.values);
      const plan = rows.map((row: Record<string, string>) => `    ${row['QUERY PLAN']}`).join('\n');
      plans.push(`  ${estimate ? '(planned only) ' : ''}${statement.text.slice(0, 160).replace(/\s+/g, ' ')}…\n${plan}`);
    }
    return plans;
  });
}
