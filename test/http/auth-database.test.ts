import t, { type Test } from 'tap';
import type { Database } from '../../src/infrastructure/database.ts';
import { buildAuthApp } from '../support/auth.ts';
import { withPglite, withPostgres } from '../support/databases.ts';
import { needsPostgres } from '../support/services.ts';

/*
 * The flows whose safety rests on the database — one-query access check, conditional spend of
 * refresh tokens, revocation — through HTTP on the SQL repositories, on PGlite and PostgreSQL.
 */

async function flows(t: Test, database: Database) {
  const { users, sessions } = database.repositories;
  const auth = await buildAuthApp({ identity: { users, sessions } });
  t.teardown(() => auth.app.close());
  const admin = await auth.as('admin', 'db-admin');
  const director = await auth.as('casting_director', 'db-director');
  t.equal(
    (await auth.app.inject({ method: 'POST', url: '/actors', payload: { name: 'A', age: 30, gender: 'f' }, headers: director.headers }))
      .statusCode,
    201,
  );

  const { refresh_token } = await auth.login('db-director');
  const answers = await Promise.all(
    Array.from({ length: 50 }, () => auth.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refresh_token } })),
  );
  t.equal(answers.filter((a) => a.statusCode === 200).length, 1, 'fifty refreshes: exactly one success');
  t.ok(
    answers.every((a) => a.statusCode === 200 || a.statusCode === 401),
    'the rest are 401, never 500',
  );

  await auth.app.inject({
    method: 'PATCH',
    url: `/users/${director.user.id}`,
    payload: { role: 'casting_assistant' },
    headers: admin.headers,
  });
  const demoted = await auth.app.inject({
    method: 'POST',
    url: '/actors',
    payload: { name: 'B', age: 30, gender: 'f' },
    headers: director.headers,
  });
  t.equal(demoted.statusCode, 403, 'demotion acts on the next request');
  await auth.app.inject({ method: 'DELETE', url: `/users/${director.user.id}`, headers: admin.headers });
  t.equal((await auth.app.inject({ url: '/actors', headers: director.headers })).statusCode, 401, 'deactivation acts on the next request');

  t.equal((await auth.app.inject({ method: 'POST', url: '/auth/logout', headers: admin.headers })).statusCode, 200);
  t.equal((await auth.app.inject({ url: '/auth/verify', headers: admin.headers })).statusCode, 401, 'logout acts on the next request');
}

t.test('PGlite', async (t) => flows(t, await withPglite(t)));
t.test('PostgreSQL', needsPostgres, async (t) => flows(t, await withPostgres(t)));
