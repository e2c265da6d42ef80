/**
 * The baseline of `npm run bench:auth` and `bench:hot-path`: bare Fastify + pg + node:crypto answering an
 * authenticated GET /movies/:id with the same work as Marquee — the HS256 check with the same
 * claim checks, the same access statement (as findActiveAccess wrote it by hand before issue 11), the same
 * permission rule and the same row read — and nothing else (no DI, schemas, error mapping, ETag).
 * Given Marquee's advantages, so the ratio stays honest: both statements are named prepared
 * statements, as Marquee's on PostgreSQL; `before` sends them unnamed, as before issue 13.
 * Built here so bench/hot-path-in-process.ts can drive it in one process beside Marquee;
 * bench/bare-auth-server.ts serves it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import pg from 'pg';

const epochMs = (column: string, alias: string) => `round(extract(epoch from ${column}) * 1000)::float8 as ${alias}`;
// MikroOrmSessionRepository.findActiveAccess as hand-written before issue 11; Kysely now builds the same join (session-query.ts).
const ACCESS = `select s.user_id, u.role, u.active, s.revoked_at is not null as revoked, ${epochMs('s.expires_at', 'expires_ms')}
  from session s join app_user u on u.id = s.user_id where s.id = $1`;
// MikroOrmCastingRepository.movieWithCast, copied.
const MOVIE = `id, title, release_date::text as release_date, director, genres, popularity, imdb_score,
  ${epochMs('created_at', 'created_ms')}, ${epochMs('updated_at', 'updated_ms')}, version`;
const ACTOR = `id, name, age, gender, ${epochMs('created_at', 'created_ms')}, ${epochMs('updated_at', 'updated_ms')}, version,
  casting."character" as cast_character, casting.billing_order as cast_billing_order`;
const BY_ID = `select ${MOVIE}, (select coalesce(json_agg(member order by member.cast_billing_order asc nulls last, member.id asc), '[]')
  from (select ${ACTOR} from casting join actor on actor.id = casting.actor_id where casting.movie_id = movie.id) as member) as cast_rows
  from movie where id = $1`;

const ROLES_WITH_GET_MOVIES = new Set(['casting_assistant', 'casting_director', 'executive_producer', 'admin']);
const SEGMENT = /^[A-Za-z0-9_-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

type Claims = Record<string, unknown>;
const json = (segment: string): Claims => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The claims of a valid own access token, or null: the same checks as JwtTokenService.verify. */
function verify(token: string, secret: Buffer): Claims | null {
  const parts = token.split('.');
  if (token.length > 8192 || parts.length !== 3 || !parts.every((p) => SEGMENT.test(p))) return null;
  const [h, p, s] = parts as [string, string, string];
  const header = json(h);
  if (header.alg !== 'HS256' || header.crit !== undefined) return null;
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const signature = Buffer.from(s, 'base64url');
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null;
  const c = json(p);
  const now = Math.floor(Date.now() / 1000);
  if (c.iss !== 'marquee' || !(c.aud === 'marquee-api' || (Array.isArray(c.aud) && c.aud.includes('marquee-api')))) return null;
  if (!finite(c.exp) || c.exp <= now || !finite(c.iat) || (c.nbf !== undefined && (!finite(c.nbf) || c.nbf > now))) return null;
  if (typeof c.sub !== 'string' || !Number.isSafeInteger(c.user_id) || c.sub !== String(c.user_id)) return null;
  if (typeof c.sid !== 'string' || typeof c.name !== 'string' || typeof c.username !== 'string') return null;
  return c;
}

export interface BareAuthOptions {
  databaseUrl: string;
  secret: string;
  /** Unnamed statements, as before issue 13. */
  before?: boolean;
}

const refuse = (reply: FastifyReply, code: number) => reply.code(code).header('www-authenticate', 'Bearer').send({ success: false });
const wire = (row: Record<string, unknown>) => ({
  ...row,
  created_at: new Date(row.created_ms as number).toISOString(),
  updated_at: new Date(row.updated_ms as number).toISOString(),
});

/** The bare server's app (not listening) and its pool. */
export function buildBareAuthApp(options: BareAuthOptions): { app: FastifyInstance; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  const secret = Buffer.from(options.secret);
  /** One statement, by name unless `before`: pg parses a named one once per connection. */
  const run = (name: string, text: string, values: unknown[]) => pool.query(options.before ? { text, values } : { name, text, values });

  /** 401 / 403 / null (allowed): the token, then one read of session and user. */
  async function denial(authorization: string | undefined): Promise<401 | 403 | null> {
    const token = authorization === undefined ? null : BEARER.exec(authorization.trim());
    const claims = token ? verify(token[1]!, secret) : null;
    if (!claims || !UUID.test(claims.sid as string)) return 401;
    const { rows } = await run('access', ACCESS, [claims.sid]);
    const access = rows[0];
    if (!access || access.user_id !== claims.user_id || access.revoked || access.expires_ms <= Date.now() || !access.active) return 401;
    return ROLES_WITH_GET_MOVIES.has(access.role) ? null : 403;
  }

  const app = Fastify();
  app.get('/health/live', async () => ({ success: true }));
  app.get<{ Params: { id: string } }>('/movies/:id', async (request, reply) => {
    const refused = await denial(request.headers.authorization).catch(() => 401 as const);
    if (refused) return refuse(reply, refused);
    const { rows } = await run('movie_by_id', BY_ID, [Number(request.params.id)]);
    const row = rows[0];
    if (!row) return reply.code(404).send({ success: false });
    const cast = row.cast_rows.map(({ cast_character, cast_billing_order, ...actor }: Record<string, unknown>) => ({
      ...wire(actor),
      character: cast_character,
      billing_order: cast_billing_order,
    }));
    delete row.cast_rows;
    return { success: true, movie: { ...wire(row), cast } };
  });
  return { app, pool };
}
