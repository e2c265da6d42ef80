import t, { type Test } from 'tap';
import { mikroOrmRepositories } from '../src/adapters/persistence/mikro-orm/index.ts';
import type { MovieRepository } from '../src/application/ports/movie-repository.ts';
import type { Position } from '../src/application/ports/paging.ts';
import { Movie } from '../src/domain/movie.ts';
import type { Database } from '../src/infrastructure/database.ts';
import { catalogMovies } from './relevance-catalog.ts';
import { RELEVANCE_QUERIES } from './relevance-queries.ts';
import { withPglite, withPostgres } from './support/databases.ts';
import { needsPostgres } from './support/services.ts';

/*
 * A ranked search (q, no sort) whose matches pass the count cap is read tier by tier
 * (kysely-ranked-rows.ts); under the cap, in one ranking statement. Both must give the same
 * movies in the same order, whole and page by page, by page number and by cursor. A cap of 1
 * sends every search with two or more matches down the tier-by-tier path here.
 */
const QUERIES = [...new Set([...RELEVANCE_QUERIES.map((query) => query.q), 'the', 'a', 'of the', 'dark', 'x'])];
const at = new Date('2026-01-01T00:00:00Z');
const LIMIT = 3;
const WHOLE = 100; // the first 100 results, one page of the single ranking statement

async function idsByCursor(movies: MovieRepository, q: string): Promise<(number | undefined)[]> {
  const ids: (number | undefined)[] = [];
  let after: Position | undefined;
  do {
    const page = await movies.list({ q }, { page: 1, limit: LIMIT, sort: [], ...(after ? { after } : {}) });
    ids.push(...page.items.map((movie) => movie.id));
    after = page.next;
  } while (after && ids.length < WHOLE);
  return ids;
}

async function idsOfPage(movies: MovieRepository, q: string, page: number): Promise<(number | undefined)[]> {
  return (await movies.list({ q }, { page, limit: LIMIT, sort: [] })).items.map((movie) => movie.id);
}

async function compare(t: Test, database: Database): Promise<void> {
  const ranked = mikroOrmRepositories(database.orm).movies;
  for (const film of catalogMovies()) await ranked.insert(Movie.create(film, at));
  const tiered = mikroOrmRepositories(database.orm, { countCap: 1 }).movies;
  for (const q of QUERIES) {
    const whole = (await ranked.list({ q }, { page: 1, limit: WHOLE, sort: [] })).items.map((movie) => movie.id);
    t.same((await idsByCursor(tiered, q)).slice(0, WHOLE), whole, `"${q}": every page by cursor, in rank order`);
    t.same(await idsOfPage(tiered, q, 2), whole.slice(LIMIT, 2 * LIMIT), `"${q}": page 2 by number`);
  }
  const the = await tiered.list({ q: 'the' }, { page: 1, limit: LIMIT, sort: [] });
  t.ok(the.totalCapped, 'the tier-by-tier path ran: the total of "the" passed the cap of 1');
}

t.test('PGlite', async (t) => compare(t, await withPglite(t)));
t.test('PostgreSQL', needsPostgres, async (t) => compare(t, await withPostgres(t)));
