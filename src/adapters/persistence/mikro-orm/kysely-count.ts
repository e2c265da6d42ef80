import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';

/**
 * How far above the cap PostgreSQL's estimate of the matches must be for the exact count to
 * be skipped. Its statistics sample 30,000 rows (a text pattern is tested on 100 of them): at
 * 50× the cap (5 % of a million rows), five of those 100 must match where at most one in a
 * thousand does, which does not happen by chance (about 1 in 10⁷).
 */
export const TRUSTED_ESTIMATE_FACTOR = 50;

type Matching<DB, TB extends keyof DB> = SelectQueryBuilder<DB, TB, object>;

/**
 * The matches counted up to cap + 1, so a million matches cost no more than cap + 1. They
 * come from a materialized CTE that the count stops reading after cap + 1 rows: planned as a
 * whole, it keeps the index plan the page uses. Counted as `count(*) from (… limit cap + 1)`,
 * a search PostgreSQL expects to match a third of the table (q=a, a word start) was planned
 * as a sequential scan expecting the cap early, and read all 1,000,000 rows when nothing
 * matched: 3.3-4.7 s, against 1.1 ms this way. Neither Kysely's nor the QueryBuilder's
 * count() writes this statement.
 */
export async function countUpTo<DB, TB extends keyof DB>(db: Kysely<DB>, matching: Matching<DB, TB>, cap: number): Promise<number> {
  const matches = matching.select(sql.lit(1).as('one'));
  const count = sql<{ n: number }>`with matches as materialized (${matches})
    select count(*)::int as n from (select 1 from matches limit ${cap + 1}) as capped`;
  const { rows } = await count.execute(db);
  return rows[0]?.n ?? 0;
}

/** PostgreSQL's estimate of the rows `matching` returns, from its plan (planned, not run). */
async function estimatedRows<DB, TB extends keyof DB>(matching: Matching<DB, TB>): Promise<number> {
  const [row] = (await matching.select(sql.lit(1).as('one')).explain('json')) as { 'QUERY PLAN'?: unknown }[];
  const plan = row?.['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan?: { 'Plan Rows'?: number } }[] | undefined;
  return Number(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

/**
 * Rows of `table` inserted, updated or deleted since its statistics were last taken (each can
 * have removed one match the estimate still counts); infinite when it has none yet. The
 * server publishes these counts within seconds, not at once.
 */
async function changedSinceAnalyze<DB>(db: Kysely<DB>, table: string): Promise<number> {
  const { rows } = await sql<{ changed: string | number | null }>`select case
      when coalesce(pg_stat_get_last_analyze_time(oid), pg_stat_get_last_autoanalyze_time(oid)) is null then null
      else pg_stat_get_mod_since_analyze(oid) end as changed
    from pg_class where oid = to_regclass(${table})`.execute(db);
  const changed = rows[0]?.changed;
  return changed === null || changed === undefined ? Infinity : Number(changed);
}

/**
 * The table whose statistics may stand in for the count of a filter with these conditions: only
 * a filter of one condition (a search, a genre, a range), whose estimate is sampled, not a
 * product of independent guesses. (q=j at 1,000,000 actors: 135,721 estimated; counting its
 * first 1,001 took 65-127 ms.)
 */
export const estimateSource = (table: string, conditions: readonly unknown[]): string | undefined =>
  conditions.length === 1 ? table : undefined;

/** What PostgreSQL's statistics say of the matches against the cap (kysely-ranked-page.ts acts on each). */
export type Estimate = 'past the cap' | 'within the cap' | 'unsure';

/**
 * Past the cap when PostgreSQL's estimate, less every row changed since the statistics were
 * taken, is still at least TRUSTED_ESTIMATE_FACTOR × cap; within it when the estimate is at
 * most the cap (a hint only: the statement that follows must find out); otherwise, or with
 * statistics stale or missing, unsure. `table` is given only for a filter of one condition:
 * the planner multiplies the selectivities of several as if independent, which can overstate.
 */
export async function estimateAgainstCap<DB, TB extends keyof DB>(
  db: Kysely<DB>,
  matching: Matching<DB, TB>,
  cap: number,
  table?: string,
): Promise<Estimate> {
  if (table === undefined) return 'unsure';
  const [estimate, trusted] = [await estimatedRows(matching), TRUSTED_ESTIMATE_FACTOR * cap];
  if (estimate <= cap) return 'within the cap';
  if (estimate >= trusted && estimate - (await changedSinceAnalyze(db, table)) >= trusted) return 'past the cap';
  return 'unsure';
}

/** The matches counted up to cap + 1, or cap + 1 uncounted when the statistics show far more. */
export async function cappedCount<DB, TB extends keyof DB>(
  db: Kysely<DB>,
  matching: Matching<DB, TB>,
  cap: number,
  table?: string,
): Promise<number> {
  return (await estimateAgainstCap(db, matching, cap, table)) === 'past the cap' ? cap + 1 : countUpTo(db, matching, cap);
}
