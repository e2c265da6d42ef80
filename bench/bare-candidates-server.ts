/**
 * The baseline for bench/candidates.ts: bare Fastify + pg running the statements Marquee runs
 * for GET /roles/:id/candidates (the role with its movie's shoot, then the page and the capped
 * count in parallel), with no auth, validation, domain objects or DI. It assumes what the
 * benchmark's role has: an age range, a gender and a shoot window.
 * `npx node bench/bare-candidates-server.ts` with DATABASE_URL and PORT set.
 */
import Fastify from 'fastify';
import pg from 'pg';

const ROLE = `select r.id, r.age_min, r.age_max, r.gender, m.shoot_start::text as shoot_start, m.shoot_end::text as shoot_end
  from movie_role r join movie m on m.id = r.movie_id where r.id = $1`;
const MATCHING = `from actor where actor.age >= $2 and actor.age <= $3 and lower(actor.gender) = lower($4)
  and not exists (select 1 from audition where audition.actor_id = actor.id and audition.role_id = $1
    and audition.state in ('invited', 'auditioned', 'shortlisted', 'offered', 'accepted'))
  and actor.id not in (select busy.actor_id from audition as busy join movie_role as part on part.id = busy.role_id
    join movie as shot on shot.id = part.movie_id
    where busy.state = 'accepted' and shot.shoot_start is not null
      and daterange(shot.shoot_start, shot.shoot_end, '[]') && daterange($5::date, $6::date, '[]'))`;
const COLUMNS = `actor.id, name, age, gender, round(extract(epoch from created_at) * 1000)::float8 as created_ms,
  round(extract(epoch from updated_at) * 1000)::float8 as updated_ms, version`;
const SORTS: Record<string, string> = { name: 'name', age: 'age', gender: 'gender', created_at: 'created_at', id: 'id' };
const CAP = 10_000;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify();

const wire = ({ created_ms, updated_ms, ...row }: Record<string, unknown>) => ({
  ...row,
  created_at: new Date(created_ms as number).toISOString(),
  updated_at: new Date(updated_ms as number).toISOString(),
});

/** `name.asc` → an order clause of a whitelisted column, missing values last, id breaking ties. */
function orderOf(sort: string | undefined): string {
  const [field, direction] = (sort ?? '').split('.');
  const column = field ? SORTS[field] : undefined;
  return column ? `order by ${column} ${direction === 'desc' ? 'desc' : 'asc'} nulls last, id asc` : 'order by id asc';
}

app.get('/health/live', async () => ({ success: true }));

type Query = { sort?: string; q?: string; page?: string; limit?: string };
app.get<{ Params: { id: string }; Querystring: Query }>('/roles/:id/candidates', async (request, reply) => {
  const role = (await pool.query(ROLE, [Number(request.params.id)])).rows[0];
  if (!role) return reply.code(404).send({ success: false });
  const { q, sort } = request.query;
  const [page, limit] = [Number(request.query.page ?? 1), Number(request.query.limit ?? 20)];
  const values = [role.id, role.age_min, role.age_max, role.gender, role.shoot_start, role.shoot_end, ...(q ? [`%${q}%`] : [])];
  const matching = q ? `${MATCHING} and lower(actor.name) like lower($7) escape '\\'` : MATCHING;
  const [rows, count] = await Promise.all([
    pool.query(`select ${COLUMNS} ${matching} ${orderOf(sort)} limit ${limit} offset ${(page - 1) * limit}`, values),
    pool.query(`select count(*)::int as n from (select 1 ${matching} limit ${CAP + 1}) as capped`, values),
  ]);
  const total = Math.min(count.rows[0].n, CAP);
  return { success: true, actors: rows.rows.map(wire), page, limit, total, total_pages: Math.ceil(total / limit) };
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
