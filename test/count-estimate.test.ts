import t from 'tap';
import { mikroOrmRepositories } from '../src/adapters/persistence/mikro-orm/index.ts';
import type { MovieFilter } from '../src/application/ports/movie-repository.ts';
import type { Database } from '../src/infrastructure/database.ts';
import { onEachDatabase, sqlOf } from './support/databases.ts';

/*
 * A list with far more matches than the cap may answer `total_capped` from PostgreSQL's
 * estimate instead of counting (kysely-count.ts). The answer must stay the one a count
 * gives: with a cap of 5 and pages of 2, 300 matches are past the cap either way, and these
 * tests build the cases where the estimate is wrong and a total taken from it would lie.
 */
const CAP = 5;
const firstPage = { page: 1, limit: 2, sort: [] };

async function seed(database: Database, rows: number, genre: string, score: number): Promise<void> {
  await sqlOf(database).query(
    `insert into movie (title, genres, imdb_score, created_at, updated_at)
     select $1 || ' ' || i, array[$1], $2, now(), now() from generate_series(1, $3::int) as i`,
    [genre, score, rows],
  );
}

/** Waits until the server's statistics show the rows just changed (it publishes them within seconds). */
async function changesPublished(database: Database, atLeast: number): Promise<void> {
  for (let tries = 0; tries < 60; tries++) {
    const { rows } = await sqlOf(database).query<{ n: number }>(`select pg_stat_get_mod_since_analyze('movie'::regclass)::int as n`);
    if (rows[0]!.n >= atLeast) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the statistics never showed the changes');
}

onEachDatabase(t, async (t, database) => {
  const movies = mikroOrmRepositories(database.orm, { countCap: CAP }).movies;
  const totals = async (filter: MovieFilter) => {
    const page = await movies.list(filter, firstPage);
    return [page.total, page.totalCapped];
  };

  await seed(database, 300, 'Western', 1);
  await sqlOf(database).query('analyze movie');
  t.same(await totals({ genresAll: ['western'] }), [CAP, true], 'far past the cap: the cap, flagged');

  await sqlOf(database).query(`delete from movie where title <> all(array['Western 1', 'Western 2', 'Western 3', 'Western 4'])`);
  await changesPublished(database, 296);
  t.same(await totals({ genresAll: ['western'] }), [4, false], 'statistics taken before most matches went: counted, exact');

  await seed(database, 1000, 'Drama', 9.5);
  await seed(database, 1000, 'Comedy', 1);
  await sqlOf(database).query(`update movie set imdb_score = 9.5 where title in ('Comedy 1', 'Comedy 2', 'Comedy 3', 'Comedy 4')`);
  await sqlOf(database).query('analyze movie');
  t.same(await totals({ genresAll: ['comedy'] }), [CAP, true], 'one condition far past the cap: the cap, flagged');
  const correlated = await totals({ genresAll: ['comedy'], imdbScore: { gte: 9 } });
  t.same(correlated, [4, false], 'two conditions the planner takes as independent (half × half of 2,004 rows) are counted: exact');
});
