/**
 * The baseline for bench/candidates.ts: bare Fastify + pg with no auth, validation, domain
 * objects or DI. GET /roles/:id/candidates reads the role with its movie's shoot (one
 * statement), then sends at once the statements Marquee sent for that URL on `actor` (recorded
 * by bench/candidates.ts from Marquee's own query code, file in BENCH_STATEMENTS: the page,
 * ranked for `q`, and the capped count), so the baseline follows whatever SQL Marquee builds.
 * `npx node bench/bare-candidates-server.ts` with DATABASE_URL, PORT and BENCH_STATEMENTS set.
 */
import Fastify from 'fastify';
import { TOTAL_COUNT_CAP } from '../src/application/ports/paging.ts';
import { barePool, recordedStatements, replay } from './support/replay.ts';

const ROLE = `select r.id, r.age_min, r.age_max, r.gender, m.shoot_start::text as shoot_start, m.shoot_end::text as shoot_end
  from movie_role r join movie m on m.id = r.movie_id where r.id = $1`;
const pool = barePool();
const recorded = recordedStatements();
const app = Fastify();

app.get('/health/live', async () => ({ success: true }));

type Query = { page?: string; limit?: string };
app.get<{ Params: { id: string }; Querystring: Query }>('/roles/:id/candidates', async (request, reply) => {
  const statements = recorded.get(request.url);
  if (!statements) return reply.code(404).send({ success: false, message: 'no recorded statements for this URL' });
  const role = (await pool.query(ROLE, [Number(request.params.id)])).rows[0];
  if (!role) return reply.code(404).send({ success: false });
  const results = await replay(pool, statements);
  const count = results.find((result) => result.fields[0]?.name === 'n');
  const rows = results.filter((result) => result.fields.some((field) => field.name === 'id')).flatMap((result) => result.rows);
  const [page, limit] = [Number(request.query.page ?? 1), Number(request.query.limit ?? 20)];
  const total = Math.min(Number(count?.rows[0]?.n ?? 0), TOTAL_COUNT_CAP);
  return { success: true, actors: rows.slice(0, limit), page, limit, total, total_pages: Math.ceil(total / limit) };
});

await app.listen({ port: Number(process.env.PORT ?? 3001), host: '127.0.0.1' });
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0)),
);
