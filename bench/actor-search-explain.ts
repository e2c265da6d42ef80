/**
 * Actor search plans (issue 13): the statements GET /actors?q= runs (MikroOrmActorRepository's
 * list, as served: q, no sort, first page of 20), captured on their way to the driver, then each
 * run under EXPLAIN (ANALYZE, BUFFERS) ROUNDS times on a database seeded by
 * bench/support/seed-actor-names.sql. Prints per query and statement the best and median
 * planning + execution time, the buffers read, and the indexes (or sequential scans) used.
 *
 *   psql … -v n=1000000 -f bench/support/seed-actor-names.sql
 *   DATABASE_URL=postgres://…/db node bench/actor-search-explain.ts     (ROUNDS=7)
 */
import { createRequire } from 'node:module';
import pg from 'pg';
import { mikroOrmRepositories } from '../src/adapters/persistence/mikro-orm/index.ts';
import { WORD_SIMILARITY_THRESHOLD } from '../src/domain/search-text.ts';
import { openDatabase } from '../src/infrastructure/database.ts';

const QUERIES: [string, string][] = [
  ['rare name', 'mikkelsen'],
  ['common name', 'john'],
  ['one letter', 'j'],
  ['typo', 'tarantno'],
  ['prefix', 'pené'],
];
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL names the seeded database');

/** The driver MikroORM's connection uses: its statements are recorded as they are sent. */
const driver = createRequire(import.meta.resolve('@mikro-orm/postgresql'))('pg') as typeof pg;
const sent: { text: string; values: unknown[] }[] = [];
const prototype = driver.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const query = prototype.query;
prototype.query = function (this: unknown, ...args: unknown[]) {
  const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
  const text = typeof config === 'string' ? config : config.text;
  if (/^\s*(with|select|explain)/i.test(text)) sent.push({ text, values: (typeof config === 'string' ? values : config.values) ?? [] });
  return query.apply(this, args);
};

interface Run {
  ms: number;
  planMs: number;
  buffers: number;
  scans: string[];
}

/** Planning and execution time; an estimate (an EXPLAIN the repository sends itself) costs its planning only. */
async function explain(client: pg.Client, statement: { text: string; values: unknown[] }): Promise<Run> {
  const estimate = /^\s*explain \(format json\)/i.exec(statement.text);
  const options = estimate ? 'summary, format json' : 'analyze, buffers, format json';
  const text = estimate ? statement.text.slice(estimate[0].length) : statement.text;
  const { rows } = await client.query(`explain (${options}) ${text}`, statement.values);
  const [plan] = rows[0]['QUERY PLAN'] as [{ Plan: PlanNode; 'Execution Time'?: number; 'Planning Time': number }];
  return {
    ms: plan['Execution Time'] ?? 0,
    planMs: plan['Planning Time'],
    buffers: estimate ? 0 : buffersOf(plan.Plan),
    scans: [...new Set(scansOf(plan.Plan))],
  };
}

const kindOf = (text: string, i: number): string =>
  /^\s*explain/i.test(text)
    ? 'estimate'
    : text.startsWith('with matches')
      ? 'count'
      : /pg_stat_get/.test(text)
        ? 'statistics'
        : `rows ${i}`;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
  Plans?: PlanNode[];
}
const buffersOf = (node: PlanNode): number => node['Shared Hit Blocks'] + node['Shared Read Blocks'];
const scansOf = (node: PlanNode): string[] => [
  ...(node['Index Name'] ? [node['Index Name']] : node['Node Type'] === 'Seq Scan' ? [`seq scan ${node['Relation Name']}`] : []),
  ...(node.Plans ?? []).flatMap(scansOf),
];

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const database = await openDatabase({ databaseUrl, dataDir: '', migrate: true });
const explainer = new pg.Client({ connectionString: databaseUrl });
await explainer.connect();
try {
  await explainer.query(`set pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
  const { actors } = mikroOrmRepositories(database.orm);
  const [{ n }] = (await explainer.query('select count(*)::int as n from actor')).rows as [{ n: number }];
  console.log(`${n} actors, execution best / median of ${ROUNDS} EXPLAIN ANALYZE runs per statement, planning median`);
  for (const [shape, q] of QUERIES) {
    sent.length = 0;
    const page = await actors.list({ q }, { page: 1, limit: 20, sort: [] });
    const statements = [...sent];
    const top = page.items.slice(0, 3).map((actor) => actor.name);
    console.log(`\n${shape} q=${q}: total ${page.total}${page.totalCapped ? '+' : ''}, first: ${top.join(' | ')}`);
    let [sum, planSum] = [0, 0];
    for (const [i, statement] of statements.entries()) {
      const runs: Run[] = [];
      for (let round = 0; round < ROUNDS; round++) runs.push(await explain(explainer, statement));
      const [best, mid, plan] = [Math.min(...runs.map((r) => r.ms)), median(runs.map((r) => r.ms)), median(runs.map((r) => r.planMs))];
      [sum, planSum] = [sum + mid, planSum + plan];
      const kind = kindOf(statement.text, i);
      console.log(
        `  ${kind}: ${best.toFixed(2)} / ${mid.toFixed(2)} ms (planning ${plan.toFixed(2)}), ${runs[0]!.buffers} buffers, ${runs[0]!.scans.join(', ')}`,
      );
    }
    console.log(`  ${statements.length} statements, median sum ${sum.toFixed(2)} ms executing, ${planSum.toFixed(2)} ms planning`);
  }
} finally {
  await explainer.end();
  await database.close();
}
