import t from 'tap';
import { buildTestApp, createActor, createMovie } from '../support/http.ts';

type Result = { kind: string; id: number; title?: string; name?: string };
const kinds = (results: Result[]) => results.map((r) => `${r.kind}:${r.title ?? r.name}`);

t.test('GET /search answers movies and actors together, best first', async (t) => {
  const { app } = await buildTestApp();
  await createMovie(app, { title: 'Heat', popularity: 10 });
  await createMovie(app, { title: 'Heathers', director: 'Michael Lehmann', popularity: 50 });
  await createMovie(app, { title: 'The Godfather', director: 'Francis Ford Coppola', popularity: 90 });
  await createActor(app, { name: 'Heat Miser' });
  await createActor(app, { name: 'Marlon Brando' });

  const heat = await app.inject('/search?q=HEAT');
  t.equal(heat.statusCode, 200);
  t.match(heat.json(), { success: true, page: 1, limit: 20, total: 3, total_pages: 1, total_capped: false });
  t.same(
    kinds(heat.json().results),
    ['movie:Heat', 'actor:Heat Miser', 'movie:Heathers'],
    'exact title, then starts with the word, then with the letters',
  );
  t.match(heat.json().results[1], { kind: 'actor', age: 84, gender: 'male' }, 'an actor result carries the actor');
  t.same(kinds((await app.inject('/search?q=godfater')).json().results), ['movie:The Godfather'], 'a typo');
  t.same(kinds((await app.inject('/search?q=brand')).json().results), ['actor:Marlon Brando'], 'a word start in a name');
  t.same((await app.inject('/search?q=nothing%20like%20this')).json().results, []);

  const second = await app.inject('/search?q=heat&limit=1&page=2');
  t.same(kinds(second.json().results), ['actor:Heat Miser']);
  t.equal(second.headers.link, '</search?q=heat&limit=1&page=3>; rel="next", </search?q=heat&limit=1&page=1>; rel="prev"');
});

t.test('GET /search pages by cursor: next_cursor and the Link header go on from any page', async (t) => {
  const { app } = await buildTestApp();
  for (const [title, popularity] of [
    ['Heat', 10],
    ['Heathers', 50],
    ['Cheat Code', 5],
  ] as const)
    await createMovie(app, { title, popularity });
  await createActor(app, { name: 'Heat Miser' });
  await createActor(app, { name: 'Heath Ledger' });
  const first = await app.inject('/search?q=heat&limit=2');
  t.match(first.json(), { page: 1, total: 5 });
  const seen = kinds(first.json().results);
  let cursor: string | null = first.json().next_cursor;
  while (cursor !== null) {
    const next = await app.inject(`/search?q=heat&limit=2&cursor=${cursor}`);
    t.equal(next.json().page, undefined, 'a page asked by cursor has no number');
    seen.push(...kinds(next.json().results));
    const link = next.headers.link as string | undefined;
    cursor = next.json().next_cursor;
    t.equal(link, cursor === null ? undefined : `</search?q=heat&limit=2&cursor=${cursor}>; rel="next"`);
  }
  const whole = ['movie:Heat', 'actor:Heat Miser', 'movie:Heathers', 'actor:Heath Ledger', 'movie:Cheat Code'];
  t.same(seen, whole, 'every result once, in rank order');
  t.equal((await app.inject('/search?q=heat&limit=5')).json().next_cursor, null, 'null on the last page');
  const deep = await app.inject('/search?q=heat&limit=20&page=50');
  t.same([deep.statusCode, deep.json().results], [200, []], 'page × limit = 1,000: allowed');
  const refused = [
    'q=heat&page=51',
    'q=heat&page=2&cursor=' + first.json().next_cursor,
    'q=heath&cursor=' + first.json().next_cursor,
    'q=heat&cursor=abc.def',
  ];
  for (const query of refused) {
    const response = await app.inject(`/search?${query}`);
    t.same([response.statusCode, response.json().error], [400, 400], query.slice(0, 40));
  }
});

t.test('GET /search refuses a missing, blank, too long or malformed q with a 400; odd characters are a harmless search', async (t) => {
  const { app } = await buildTestApp();
  await createMovie(app, { title: '100% Love' });
  const bad = [
    '',
    'q=',
    'q=%20%20',
    `q=${'a'.repeat(201)}`,
    'q=a&page=0',
    'q=a&page=101',
    'q=a&limit=101',
    'q=a&sort=title.asc',
    'q=a%00b',
    'q=%ED%A0%80',
  ];
  for (const query of bad) {
    const response = await app.inject(`/search?${query}`);
    t.equal(response.statusCode, 400, query.slice(0, 40));
    t.match(response.json(), { success: false, error: 400 });
  }
  for (const q of ['%', '_', '\\', '%25', '100%25', '(', '[a-z]*', "'; drop table movie; --", '\u{1F3AC}', 'a'.repeat(200)]) {
    const response = await app.inject(`/search?q=${encodeURIComponent(q)}`);
    t.equal(response.statusCode, 200, q.slice(0, 40));
  }
  t.same(kinds((await app.inject('/search?q=100%25')).json().results), ['movie:100% Love'], '% is literal');
});

t.test('GET /search needs a token with get:movies', async (t) => {
  const { app } = await buildTestApp({ authenticated: true });
  t.equal((await app.inject('/search?q=heat')).statusCode, 401);
});

t.test('GET /search leaves actors out for a caller without get:actors', async (t) => {
  const onlyMovies = { subject: 'auth0|viewer', permissions: ['get:movies' as const], external: true };
  const { app } = await buildTestApp({
    authorize: async (request) => {
      request.principal = onlyMovies;
    },
  });
  await createMovie(app, { title: 'Heat' });
  await createActor(app, { name: 'Heat Miser' });
  const response = await app.inject('/search?q=heat');
  t.same(kinds(response.json().results), ['movie:Heat'], 'the actor is not shown');
  t.equal(response.json().total, 1, 'nor counted');
});
