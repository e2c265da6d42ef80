import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import pg from 'pg';
import type { CandidateQuery } from '../../src/application/ports/actor-availability.ts';
import type { WorkflowDatabase } from '../../src/adapters/persistence/mikro-orm/casting-workflow-kysely.ts';
import { candidateConditions } from '../../src/adapters/persistence/mikro-orm/casting-workflow-queries.ts';

/** Kysely that only writes SQL: the statements are Marquee's own, compiled from its query code. */
const compiler = new Kysely<WorkflowDatabase>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** The page and the capped count MikroOrmActorAvailability.candidates runs (kysely-list.ts adds the same order, limit and cap). */
function candidateStatements(query: CandidateQuery, countCap = 10_000) {
  const matching = compiler.selectFrom('actor').where((eb) => eb.and(candidateConditions(eb, query)));
  const page = matching.selectAll('actor').orderBy(sql.ref('id'), 'asc').limit(20).offset(0).compile();
  const capped = matching.select(sql.lit(1).as('one')).limit(countCap + 1);
  const count = sql<{ n: number }>`select count(*)::int as n from (${capped}) as capped`.compile(compiler);
  return { page, count };
}

export interface Explained {
  name: string;
  plan: string[];
  /** Tables read by a sequential scan (an unindexed read). */
  seqScans: string[];
  executionMs: number;
}

/** EXPLAIN (ANALYZE, BUFFERS) of both statements for `query`, on the benchmark database. */
export async function explainCandidates(databaseUrl: string, query: CandidateQuery): Promise<Explained[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const explained: Explained[] = [];
    for (const [name, statement] of Object.entries(candidateStatements(query))) {
      const { rows } = await client.query(`explain (analyze, buffers) ${statement.sql}`, [...statement.parameters]);
      const plan = rows.map((row: Record<string, string>) => row['QUERY PLAN']!);
      const seqScans = plan.flatMap((line) => /Seq Scan on (\w+)/.exec(line)?.[1] ?? []);
      const executionMs = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? NaN);
      explained.push({ name, plan, seqScans, executionMs });
    }
    return explained;
  } finally {
    await client.end();
  }
}
