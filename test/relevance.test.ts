import t, { type Test } from 'tap';
import { inMemoryRepositories } from '../src/adapters/persistence/in-memory/index.ts';
import { mikroOrmRepositories } from '../src/adapters/persistence/mikro-orm/index.ts';
import { SearchCatalog } from '../src/application/search/search-catalog.ts';
import { Actor } from '../src/domain/actor.ts';
import { Movie } from '../src/domain/movie.ts';
import type { Repositories } from '../src/infrastructure/container.ts';
import { catalogActors, catalogMovies } from './relevance-catalog.ts';
import { RELEVANCE_QUERIES, type RelevanceQuery } from './relevance-queries.ts';
import { withPglite, withPostgres } from './support/databases.ts';
import { needsPostgres } from './support/services.ts';

/*
 * Search quality, measured (issue 13): every query of the relevance set against the same
 * generated catalog, on each adapter, through GET /search's use case. The share of queries
 * whose meant result comes first, and within the first five, is printed and held to the
 * targets: at least 90 % first, all in the top five.
 */
type Catalog = Pick<Repositories, 'movies' | 'actors'>;
const at = new Date('2026-01-01T00:00:00Z');

async function fill({ movies, actors }: Catalog): Promise<void> {
  for (const film of catalogMovies()) await movies.insert(Movie.create(film, at));
  for (const name of catalogActors()) await actors.insert(Actor.create({ name, age: 40, gender: 'female' }, at));
}

async function rankOf(search: SearchCatalog, query: RelevanceQuery): Promise<number> {
  const { items } = await search.execute({ q: query.q, page: 1, limit: 5, withActors: true });
  const names = items.map((r) => (r.kind === 'movie' ? `movie:${r.movie.title}` : `actor:${r.actor.name}`));
  return names.indexOf(`${query.kind}:${query.expected}`) + 1; // 0: not in the top five
}

async function measure(t: Test, adapter: string, catalog: Catalog): Promise<void> {
  await fill(catalog);
  const search = new SearchCatalog(catalog.movies, catalog.actors);
  const ranks: number[] = [];
  for (const query of RELEVANCE_QUERIES) {
    const rank = await rankOf(search, query);
    ranks.push(rank);
    if (rank !== 1) t.comment(`${adapter}: "${query.q}" (${query.why}) → ${query.expected} at ${rank || 'not in the top 5'}`);
  }
  const share = (ok: (rank: number) => boolean) => ranks.filter(ok).length / ranks.length;
  const [first, topFive] = [share((r) => r === 1), share((r) => r >= 1)];
  t.comment(`${adapter}: ${ranks.length} queries, rank 1 ${(first * 100).toFixed(1)} %, top 5 ${(topFive * 100).toFixed(1)} %`);
  t.ok(RELEVANCE_QUERIES.length >= 40, 'at least 40 queries');
  t.ok(first >= 0.9, `at least 90 % at rank 1 (${(first * 100).toFixed(1)} %)`);
  t.equal(topFive, 1, 'every meant result in the top five');
}

t.test('in-memory', async (t) => measure(t, 'in-memory', inMemoryRepositories()));
t.test('PGlite', async (t) => measure(t, 'PGlite', mikroOrmRepositories((await withPglite(t)).orm)));
t.test('PostgreSQL', needsPostgres, async (t) => measure(t, 'PostgreSQL', mikroOrmRepositories((await withPostgres(t)).orm)));
