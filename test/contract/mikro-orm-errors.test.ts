import { once } from 'node:events';
import t from 'tap';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/postgresql';
import { mikroOrmRepositories, ormConfig } from '../../src/adapters/persistence/mikro-orm/index.ts';
import { Movie } from '../../src/domain/movie.ts';
import { openDatabase } from '../../src/infrastructure/database.ts';
import { POSTGRES_ADMIN_URL, withPglite, withPostgres, sqlOf } from '../support/databases.ts';
import { needsPostgres } from '../support/services.ts';

const UNAVAILABLE = { kind: 'unavailable', code: 'DATABASE_UNAVAILABLE' };
const NOTHING_LISTENS = 'postgres://postgres@127.0.0.1:1/marquee';

t.test('an unreachable PostgreSQL is DATABASE_UNAVAILABLE, from repositories and from openDatabase', async (t) => {
  // An ORM that has never connected: every statement tries, and fails, to get a connection.
  const orm = new MikroORM<AbstractSqlDriver>(ormConfig({ databaseUrl: NOTHING_LISTENS, dataDir: '.' }));
  t.teardown(() => orm.close(true));
  const { movies, actors } = mikroOrmRepositories(orm);
  await t.rejects(movies.findById(1), UNAVAILABLE);
  await t.rejects(movies.insert(Movie.create({ title: 'Heat' }, new Date())), UNAVAILABLE);
  await t.rejects(actors.list({}, { page: 1, limit: 10, sort: [] }), UNAVAILABLE);
  await t.rejects(openDatabase({ databaseUrl: NOTHING_LISTENS, dataDir: '.' }), UNAVAILABLE);
});

t.test('a connection the server terminates is DATABASE_UNAVAILABLE, and the next query recovers', needsPostgres, async (t) => {
  const database = await withPostgres(t);
  const name = new URL(database.orm.config.get('clientUrl') ?? '').pathname.slice(1);
  // The assertion is attached at once: the rejection may come while the loop below still runs.
  const dropped = once(database.native as pg.Pool, 'remove');
  const slow = t.rejects(sqlOf(database).query('select pg_sleep(10)'), UNAVAILABLE);
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  t.teardown(() => admin.end());
  // Wait until the sleeping query is running, then kill its backend.
  for (let tries = 0; tries < 50; tries++) {
    const { rowCount } = await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and query like 'select pg_sleep%'`,
      [name],
    );
    if (rowCount) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await slow;
  // Kysely hands the client back without the error; the pool drops it when its socket ends,
  // a few ms after the statement failed (pg's own pool.query, used before, dropped it at
  // once). A statement in that window meets the dead client and answers 503 too.
  await dropped;
  t.equal(await database.ping(), true, 'the pool hands out a fresh connection');
  t.equal(await database.repositories.movies.findById(1), null);
});

t.test('a closed PGlite is DATABASE_UNAVAILABLE and ping says false', async (t) => {
  const database = await withPglite(t);
  t.equal(await database.ping(), true);
  const native = await (
    database.orm.em.getConnection() as unknown as { getNativeClient(): Promise<{ close(): Promise<void> }> }
  ).getNativeClient();
  await native.close();
  await t.rejects(database.repositories.movies.findById(1), UNAVAILABLE);
  t.equal(await database.ping(), false);
});

t.test('other failures never leak the driver error itself', async (t) => {
  const database = await withPglite(t);
  const failure = database.repositories.movies.list({ releaseDate: { gte: 'not a date' } }, { page: 1, limit: 1, sort: [] });
  await t.rejects(failure, { name: 'QueryFailedError', message: /^database query failed/ });
});

t.test('migrations are recorded: a second run applies nothing', async (t) => {
  const database = await withPglite(t);
  t.same(await database.migrate(), []);
  const { rows } = await sqlOf(database).query<{ n: number }>(
    `select count(*)::int as n from pg_indexes where tablename in ('movie', 'actor', 'casting')`,
  );
  t.ok((rows[0]?.n ?? 0) >= 18, 'the indexes exist');
});
