import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { recordedStatements, replay } from './replay.ts';

/**
 * The bare baseline's GET /movies: for each benchmark URL, the statements Marquee sent for
 * it (recorded by bench/catalog.ts from the repositories' own query code, file in
 * BENCH_STATEMENTS: the page, tier by tier for a ranked search, and the count, or the
 * estimate and statistics that stand in for it), all sent at once, with the page's rows
 * returned as they come. The pool is replay.ts's barePool (Marquee's search setting), and
 * dates and instants stay text as in Marquee's driver, so both sides do the same work.
 */
export function registerBareLists(app: FastifyInstance, pool: pg.Pool): void {
  const recorded = recordedStatements();

  app.get('/movies', async (request, reply) => {
    const statements = recorded.get(request.url);
    if (!statements) return reply.code(404).send({ success: false, message: 'no recorded statements for this URL' });
    const results = await replay(pool, statements);
    const count = results.find((result) => result.fields[0]?.name === 'n');
    const pages = results.filter((result) => result.fields.some((field) => field.name === 'id'));
    const rows = pages.flatMap((page) => page.rows);
    // Counted with the ranked page, or past the cap by PostgreSQL's estimate (no count sent).
    const withCount = pages.some((page) => page.fields.some((field) => field.name === 'matched_up_to_cap'));
    const estimated = results.some((result) => result.fields[0]?.name === 'QUERY PLAN');
    const n = Number(count?.rows[0]?.n ?? (withCount ? (rows[0]?.matched_up_to_cap ?? 0) : estimated ? 1_001 : 0));
    const limit = 20;
    const movies = rows.slice(0, limit);
    const next = rows.length > limit ? movies.at(-1) : undefined;
    return { success: true, movies, limit, total: Math.min(n, 1_000), total_capped: n > 1_000, next_cursor: next ? String(next.id) : null };
  });
}
