/**
 * The baseline: bare Fastify + pg running the same SQL as Marquee's repositories, with no
 * validation, domain objects, DI or error mapping. `npx node bench/bare-server.ts` with
 * DATABASE_URL and PORT set.
 */
import Fastify from 'fastify';
import { registerBareLists } from './support/bare-lists.ts';
import { barePool } from './support/replay.ts';

const COLUMNS = `id, title, release_date::text as release_date, director, genres, popularity, imdb_score,
  round(extract(epoch from created_at) * 1000)::float8 as created_ms, round(extract(epoch from updated_at) * 1000)::float8 as updated_ms, version`;
const ACTOR_COLUMNS = `actor.id, name, age, gender, round(extract(epoch from created_at) * 1000)::float8 as created_ms,
  round(extract(epoch from updated_at) * 1000)::float8 as updated_ms, version, "character", billing_order`;
const BY_ID = `select ${COLUMNS}, (select coalesce(json_agg(member order by member.billing_order asc nulls last, member.id asc), '[]')
  from (select ${ACTOR_COLUMNS} from casting join actor on actor.id = casting.actor_id where casting.movie_id = movie.id) as member) as cast
  from movie where id = $1`;
const pool = barePool(); // Marquee's search setting on every connection, for the replayed searches
const app = Fastify();

const wire = (row: Record<string, unknown>) => ({
  ...row,
  created_at: new Date(row.created_ms as number).toISOString(),
  updated_at: new Date(row.updated_ms as number).toISOString(),
});

app.get('/health/live', async () => ({ success: true }));

app.get<{ Params: { id: string } }>('/movies/:id', async (request, reply) => {
  // Named, as Marquee's statements are on PostgreSQL (parsed and planned once per connection).
  const { rows } = await pool.query({ name: 'movie_by_id', text: BY_ID, values: [Number(request.params.id)] });
  if (!rows[0]) return reply.code(404).send({ success: false });
  return { success: true, movie: { ...wire(rows[0]), cast: rows[0].cast.map(wire) } };
});

// GET /movies replays the statements Marquee sends for each benchmark URL (bench/catalog.ts records them).
registerBareLists(app, pool);

await app.listen({ port: Number(process.env.PORT ?? 3001), host: '127.0.0.1' });
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0)),
);
