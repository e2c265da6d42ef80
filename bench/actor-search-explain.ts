/**
 * Actor search plans (issue 13): the statements GET /actors?q= runs (MikroOrmActorRepository's
 * list, as served: q, no sort, first page of 20), captured on their way to the driver, then each
 * run under EXPLAIN (ANALYZE, BUFFERS) ROUNDS times on a database seeded by
 * bench/support/seed-actor-names.sql. Prints per query and statement the best and median
 * execution time, the buffers read, and the indexes (or sequential scans) used.
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
  if (/^\s*(with|select)/i.test(text)) sent.push({ text, values: (typeof config === 'string' ? values : config.values) ?? [] });
  return query.apply(this, args);
};

interface Run {
  ms: number;
  buffers: number;
  scans: string[];
}

async function explain(client: pg.Client, statement: { text: string; values: unknown[] }): Promise<Run> {
  const { rows } = await client.query(`explain (analyze, buffers, format json) ${statement.text}`, statement.values);
  const [plan] = rows[0]['QUERY PLAN'] as [{ Plan: PlanNode; 'Execution Time': number }];
  return { ms: plan['Execution Time'], buffers: buffersOf(plan.Plan), scans: [...new Set(scansOf(plan.Plan))] };
}

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
  console.log(`${n} actors, best / median of ${ROUNDS} EXPLAIN ANALYZE runs per statement`);
  for (const [shape, q] of QUERIES) {
    sent.length = 0;
    const page = await actors.list({ q }, { page: 1, limit: 20, sort: [] });
    const statements = [...sent];
    const top = page.items.slice(0, 3).map((actor) => actor.name);
    console.log(`\n${shape} q=${q}: total ${page.total}${page.totalCapped ? '+' : ''}, first: ${top.join(' | ')}`);
    let sum = 0;
    for (const [i, statement] of statements.entries()) {
      const runs: Run[] = [];
      for (let round = 0; round < ROUNDS; round++) runs.push(await explain(explainer, statement));
      const [best, mid] = [Math.min(...runs.map((r) => r.ms)), median(runs.map((r) => r.ms))];
      sum += mid;
      const kind = statement.text.startsWith('with matches') ? 'count' : `rows ${i}`;
      console.log(`  ${kind}: ${best.toFixed(2)} / ${mid.toFixed(2)} ms, ${runs[0]!.buffers} buffers, ${runs[0]!.scans.join(', ')}`);
    }
    console.log(`  ${statements.length} statements, median sum ${sum.toFixed(2)} ms`);
  }
} finally {
  await explainer.end();
  await database.close();
}
