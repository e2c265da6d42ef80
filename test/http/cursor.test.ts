import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { encodeCursor } from '../../src/adapters/http/cursor.ts';
import { Actor } from '../../src/domain/actor.ts';
import { buildTestApp, createMovie } from '../support/http.ts';

const nextLink = (link: unknown) => /<([^>]+)>; rel="next"/.exec(String(link ?? ''))?.[1];

/** Follows the Link header's next from `url` to the end, as a client would; every page's body. */
async function follow(app: FastifyInstance, url: string) {
  const pages: Record<string, unknown>[] = [];
  let next: string | undefined = url;
  while (next && pages.length < 50) {
    const response: Awaited<ReturnType<typeof app.inject>> = await app.inject({ url: next });
    t.equal(response.statusCode, 200, next);
    pages.push(response.json());
    next = nextLink(response.headers.link);
  }
  return pages;
}

t.test('GET /movies pages by cursor to the end: next_cursor and Link next, every movie once', async (t) => {
  const { app } = await buildTestApp();
  const scores = [7, null, 8, 7, null, 9, 7];
  for (const [i, score] of scores.entries()) await createMovie(app, { title: `Film ${i}`, imdb_score: score });
  const all = (await app.inject('/movies?sort=imdb_score.desc')).json().movies.map((m: { id: number }) => m.id);
  const first = await app.inject('/movies?sort=imdb_score.desc&limit=3');
  const cursor = first.json().next_cursor as string;
  t.match(first.json(), { page: 1, next_cursor: String, total: 7 });
  t.match(first.headers.link, /page=2>; rel="next"/, 'a page asked by number links on by number');
  const pages = await follow(app, `/movies?sort=imdb_score.desc&limit=3&cursor=${cursor}`);
  const walked = [first.json(), ...pages].flatMap((page) => (page.movies as { id: number }[]).map((m) => m.id));
  t.same(walked, all, 'the pages by cursor continue the first page, in order, without a gap or a repeat');
  t.same(
    pages.map((page) => [page.page, page.movies && (page.movies as unknown[]).length, page.next_cursor === null]),
    [
      [undefined, 3, false],
      [undefined, 1, true],
    ],
    'a page by cursor has no page number; the last one has next_cursor null',
  );
  const last = await app.inject(`/movies?sort=imdb_score.desc&limit=3&cursor=${pages[0]!.next_cursor}`);
  t.equal(last.headers.link, undefined, 'and no Link next');
});

t.test('a search without sort pages by cursor in its ranked order', async (t) => {
  const { app } = await buildTestApp();
  for (const title of ['Wheat', 'The Heat', 'Heat', 'Heated', 'Heat Wave']) await createMovie(app, { title });
  const ranked = (await app.inject('/movies?q=heat')).json().movies.map((m: { title: string }) => m.title);
  const first = (await app.inject('/movies?q=heat&limit=2')).json();
  const pages = await follow(app, `/movies?q=heat&limit=2&cursor=${first.next_cursor}`);
  const walked = [first, ...pages].flatMap((page) => (page.movies as { title: string }[]).map((m) => m.title));
  t.same(walked, ranked, 'the pages by cursor keep the ranked order');
  const elsewhere = await app.inject(`/movies?q=wave&limit=2&cursor=${first.next_cursor}`);
  t.equal(elsewhere.statusCode, 400, "a search's cursor belongs to that search");
});

t.test('page reaches 10,000 rows deep; past that the Link goes on by cursor and a deeper page is a 400', async (t) => {
  const { app, repositories } = await buildTestApp();
  const now = new Date();
  for (let i = 0; i < 10_001; i++) await repositories.actors.insert(Actor.create({ name: `Actor ${i}`, age: 30, gender: 'female' }, now));
  const deepest = await app.inject('/actors?limit=100&page=100');
  t.equal(deepest.json().actors.length, 100);
  const next = nextLink(deepest.headers.link) ?? '';
  t.match(next, /cursor=/, 'the next page is offered by cursor');
  t.notMatch(next, /page=/);
  t.match((await app.inject(next)).json(), { actors: [{ name: 'Actor 10000' }], next_cursor: null });
  const deeper = await app.inject('/actors?limit=100&page=101');
  t.equal(deeper.statusCode, 400);
  t.match(deeper.json(), { success: false, code: 'INVALID_REQUEST', details: [{ path: '/page', message: /cursor/ }] });
  t.equal((await app.inject('/actors?limit=20&page=501')).statusCode, 400, 'page × limit is what counts');
});

t.test('a cursor this list did not give out for this sort is a 400 with the envelope', async (t) => {
  const { app } = await buildTestApp();
  for (let i = 0; i < 3; i++) await createMovie(app, { title: `Film ${i}`, release_date: `200${i}-01-01` });
  const cursor = (await app.inject('/movies?limit=1&sort=release_date.asc')).json().next_cursor as string;
  t.equal((await app.inject(`/movies?limit=1&sort=release_date.asc&cursor=${cursor}`)).statusCode, 200);
  const forged = (values: unknown[]) => encodeCursor('movies', 'release_date.asc', { values: values as never, id: 1 });
  const refused = {
    'another sort': `/movies?sort=release_date.desc&cursor=${cursor}`,
    'no sort': `/movies?cursor=${cursor}`,
    'another list': `/actors?sort=release_date.asc&cursor=${cursor}`,
    'an edited value': `/movies?sort=release_date.asc&cursor=${cursor.replace(/^./, (c) => (c === 'W' ? 'X' : 'W'))}`,
    'cut short': `/movies?sort=release_date.asc&cursor=${cursor.slice(0, -1)}`,
    'not base64url': `/movies?sort=release_date.asc&cursor=${encodeURIComponent('a+b.c/d')}`,
    'with page': `/movies?sort=release_date.asc&page=1&cursor=${cursor}`,
    'a day that does not exist': `/movies?sort=release_date.asc&cursor=${forged(['2023-02-29'])}`,
    'a number for a date': `/movies?sort=release_date.asc&cursor=${forged([20230101])}`,
    'too many values': `/movies?sort=release_date.asc&cursor=${forged(['2023-01-01', 'x'])}`,
    'an id past int4': `/movies?sort=release_date.asc&cursor=${encodeCursor('movies', 'release_date.asc', { values: [null], id: 2 ** 31 })}`,
  };
  for (const [what, url] of Object.entries(refused)) {
    const response = await app.inject(url);
    t.equal(response.statusCode, 400, what);
    t.match(response.json(), { success: false, error: 400, code: 'INVALID_REQUEST' }, what);
  }
});
