import type { Test } from 'tap';
import type { MovieSortField } from '../../src/application/ports/movie-repository.ts';
import type { Page, PageRequest, Position, SortKey } from '../../src/application/ports/paging.ts';
import type { MovieInput } from '../../src/domain/movie.ts';
import { type CatalogFactory, newActor, newMovie } from './catalog-factory.ts';

type Lister<F extends string> = (request: PageRequest<F>) => Promise<Page<{ id: number }>>;

/** Every id of a list, following `next` from the first page: the walk a client makes by cursor. */
export async function walkByCursor<F extends string>(list: Lister<F>, sort: SortKey<F>[], limit: number, between = async () => {}) {
  const ids: number[] = [];
  let after: Position | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await list({ page: 1, limit, sort, ...(after ? { after } : {}) });
    ids.push(...page.items.map((item) => item.id));
    if (!page.next) return ids;
    after = page.next;
    await between();
  }
  throw new Error('the cursor walk did not end');
}

async function walkByNumber<F extends string>(list: Lister<F>, sort: SortKey<F>[], limit: number) {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const found = await list({ page, limit, sort });
    ids.push(...found.items.map((item) => item.id));
    if (found.items.length < limit) return ids;
  }
}

const key = <F extends string>(text: string): SortKey<F>[] =>
  text.split(',').map((part) => ({ field: part.split('.')[0] as F, direction: part.split('.')[1] as 'asc' | 'desc' }));

// Every sort field both ways, and pairs whose first key is nullable with ties, so pages break inside a run of equal or missing values.
const MOVIE_SORTS = [
  ...['title', 'release_date', 'imdb_score', 'popularity', 'director', 'created_at', 'id'].flatMap((f) => [`${f}.asc`, `${f}.desc`]),
  'imdb_score.desc,popularity.asc',
  'imdb_score.asc,director.desc',
  'director.asc,release_date.desc',
  'popularity.desc,title.desc',
];

/** 17 movies: repeated scores and directors, and every nullable sort field missing on some. */
function catalog(): Partial<MovieInput>[] {
  return Array.from({ length: 17 }, (_, i) => ({
    title: `Film ${String.fromCharCode(65 + ((i * 7) % 17))}`,
    imdbScore: i % 4 === 0 ? null : (i % 3) + 6,
    popularity: i % 5 === 0 ? null : (i % 2) * 10,
    releaseDate: i % 6 === 0 ? null : `19${50 + (i % 4)}-01-0${1 + (i % 2)}`,
    director: i % 3 === 0 ? null : `Director ${i % 2}`,
  }));
}

/** The cursor contract every movie and actor adapter keeps: a walk by cursor is the list in order, once. */
export function pagingContract(t: Test, fresh: CatalogFactory): void {
  t.test('movies: a walk by cursor gives the rows a walk by page gives, for every sort', async (t) => {
    const { movies } = await fresh();
    for (const movie of catalog()) await movies.insert(newMovie({ ...movie, title: movie.title! }));
    const list: Lister<MovieSortField> = (request) => movies.list({}, request);
    for (const sort of MOVIE_SORTS) {
      const everything = (await list({ page: 1, limit: 100, sort: key(sort) })).items.map((m) => m.id);
      t.same(await walkByCursor(list, key(sort), 4), everything, `${sort}: by cursor, 4 a page`);
      t.same(await walkByNumber(list, key(sort), 4), everything, `${sort}: by page`);
    }
    const last = await list({ page: 1, limit: 17, sort: [] });
    t.equal(last.next, undefined, 'a page that ends the list has no next position, even when full');
    const filtered = (request: PageRequest<MovieSortField>) => movies.list({ director: 'director 1' }, request);
    const all = (await filtered({ page: 1, limit: 100, sort: key('release_date.desc') })).items.map((m) => m.id);
    t.same(await walkByCursor(filtered, key('release_date.desc'), 2), all, 'the cursor pages a filtered list too');
  });

  t.test('a search without sort pages by cursor in its ranked order', async (t) => {
    const { movies, actors } = await fresh();
    const titles = ['Heat', 'Heat Wave', 'The Heat', 'Heated', 'Preheat', 'Heat', 'Wheat Field', 'Heta'];
    for (const [i, title] of titles.entries()) await movies.insert(newMovie({ title, director: `D ${i}`, popularity: i % 3 ? i : null }));
    for (const name of ['Heath Ledger', 'Heat', 'Heather Graham', 'Al Heat', 'Sheath']) await actors.insert(newActor({ name }));
    const movieList: Lister<MovieSortField> = (request) => movies.list({ q: 'heat' }, request);
    const actorList: Lister<'name'> = (request) => actors.list({ q: 'heat' }, request);
    for (const [what, list] of [
      ['movies', movieList],
      ['actors', actorList],
    ] as const) {
      const everything = (await list({ page: 1, limit: 100, sort: [] })).items.map((m) => m.id);
      t.ok(everything.length >= 4, `${what}: the search finds several`);
      t.same(await walkByCursor(list as Lister<string>, [], 2), everything, `${what}: best match first, by cursor too`);
    }
  });

  t.test('movies: rows inserted and deleted during a cursor walk shift nothing', async (t) => {
    const { movies } = await fresh();
    const original: number[] = [];
    for (const movie of catalog()) original.push((await movies.insert(newMovie({ ...movie, title: movie.title! }))).id);
    const sort = key<MovieSortField>('imdb_score.desc,popularity.asc');
    const deleted = original[5]!;
    let round = 0;
    const between = async () => {
      round++;
      // One that sorts first (already passed), one that sorts last (still ahead), one in the middle.
      await movies.insert(newMovie({ title: `Early ${round}`, imdbScore: 10 }));
      await movies.insert(newMovie({ title: `Late ${round}`, imdbScore: null, popularity: null }));
      await movies.insert(newMovie({ title: `Middle ${round}`, imdbScore: 7, popularity: 5 }));
      if (round === 1) await movies.delete(deleted);
    };
    const seen = await walkByCursor((request) => movies.list({}, request), sort, 3, between);
    t.equal(new Set(seen).size, seen.length, 'no row twice');
    t.same(
      original.filter((id) => id !== deleted && !seen.includes(id)),
      [],
      'every row that was there all along, once',
    );
    t.notOk(seen.includes(deleted), 'the row deleted before its page came is not served');
    const everything = (await movies.list({}, { page: 1, limit: 100, sort })).items.map((m) => m.id);
    t.same(
      seen,
      everything.filter((id) => seen.includes(id)),
      'in the order of the list',
    );
    t.ok(seen.length > original.length, 'rows inserted ahead of the cursor are reached');
  });

  t.test('actors: a walk by cursor gives the rows a walk by page gives, for every sort', async (t) => {
    const { actors } = await fresh();
    for (let i = 0; i < 13; i++) {
      await actors.insert(newActor({ name: `Actor ${i % 5}`, age: 20 + (i % 4), gender: i % 2 ? 'male' : 'female' }));
    }
    const list: Lister<'name' | 'age' | 'gender' | 'created_at' | 'id'> = (request) => actors.list({}, request);
    for (const sort of ['name.asc', 'name.desc', 'age.desc', 'gender.asc,age.desc', 'created_at.desc', 'id.desc', 'age.asc,name.desc']) {
      const everything = (await list({ page: 1, limit: 100, sort: key(sort) })).items.map((a) => a.id);
      t.same(await walkByCursor(list, key(sort), 3), everything, sort);
    }
  });
}
