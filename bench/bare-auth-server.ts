/**
 * The bare baseline of `npm run bench:auth` and `bench:hot-path` as a server (bench/support/bare-auth-app.ts):
 * the same HS256 check, access statement, permission rule and row read as Marquee's authenticated
 * GET /movies/:id, with named prepared statements; BARE_BEFORE=1 sends them unnamed, as before issue 13.
 * `npx node bench/bare-auth-server.ts` with DATABASE_URL, JWT_SECRET and PORT set.
 */
import { buildBareAuthApp } from './support/bare-auth-app.ts';

const { app, pool } = buildBareAuthApp({
  databaseUrl: process.env.DATABASE_URL ?? '',
  secret: process.env.JWT_SECRET ?? '',
  before: process.env.BARE_BEFORE === '1',
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
