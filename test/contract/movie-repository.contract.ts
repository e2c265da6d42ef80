import type { Test } from 'tap';
import type { MovieFilter, MovieSortField } from '../../src/application/ports/movie-repository.ts';
import type { PageRequest } from '../../src/application/ports/paging.ts';
import { Casting } from '../../src/domain/casting.ts';
import type { MovieInput } from '../../src/domain/movie.ts';
import { type CatalogFactory, firstPage, newActor, newMovie } from './catalog-factory.ts';

/** The behaviour every MovieRepository adapter must show. */
export function movieRepositoryContract(t: Test, fresh: CatalogFactory): void {
  t.test('insert assigns an id and findById returns every field as stored', async (t) => {
    const { movies } = await fresh();
    const movie = newMovie({
      title: 'Heat',
      director: 'Michael Mann',
      releaseDate: '1995-12-15',
      genres: ['Crime', 'Drama'],
      popularity: 71.5,
      imdbScore: 8.3,
    });
    const saved = await movies.insert(movie);
    t.ok(saved.id > 0, 'an id is assigned');
    t.same({ ...(await movies.findById(saved.id)) }, { ...movie, id: saved.id });
    const bare = await movies.insert(newMovie({ title: 'Untitled' }));
    t.same(await movies.findById(bare.id), { ...bare }, 'optional fields come back as null and []');
    t.equal(await movies.findById(saved.id + bare.id + 1000), null, 'an unknown id is null');
  });

  t.test('the natural key (title, director, release date) is unique ignoring case', async (t) => {
    const { movies } = await fresh();
    await movies.insert(newMovie({ title: 'Batman', director: 'Tim Burton', releaseDate: '1989-06-23' }));
    await t.rejects(movies.insert(newMovie({ title: 'BATMAN', director: 'tim burton', releaseDate: '1989-06-23' })), {
      code: 'MOVIE_CONFLICT',
      kind: 'conflict',
    });
    await movies.insert(newMovie({ title: 'Batman', director: 'Leslie H. Martinson', releaseDate: '1966-07-30' }));
    await movies.insert(newMovie({ title: 'Batman', director: 'Tim Burton' }));
    await movies.insert(newMovie({ title: 'Solaris' }));
    await t.rejects(movies.insert(newMovie({ title: 'solaris' })), { code: 'MOVIE_CONFLICT' }, 'missing director and date count as equal');
    const other = await movies.insert(newMovie({ title: 'Batman Returns', director: 'Tim Burton', releaseDate: '1989-06-23' }));
    const clash = other.withChanges({ title: 'batman' }, new Date());
    await t.rejects(movies.update(clash, other.version), { code: 'MOVIE_CONFLICT' }, 'an update cannot take an existing key');
  });

  t.test('update is a compare-and-set on the version', async (t) => {
    const { movies } = await fresh();
    const saved = await movies.insert(newMovie({ title: 'Alien', genres: ['Horror'] }));
    const next = saved.withChanges({ imdbScore: 8.5, genres: ['Horror', 'Sci-Fi'] }, new Date('2025-02-03T04:05:06.789Z'));
    t.equal(await movies.update(next, 1), true);
    t.same(await movies.findById(saved.id), { ...next });
    t.equal(await movies.update(saved.withChanges({ title: 'Aliens' }, new Date()), 1), false, 'a stale version changes nothing');
    t.equal((await movies.findById(saved.id))?.title, 'Alien');
    t.equal(await movies.update(newMovie({ title: 'Ghost' }), 1), false, 'an unknown movie is not created');
  });

  t.test('delete honours the expected version and takes the castings along', async (t) => {
    const { movies, actors, castings } = await fresh();
    const movie = await movies.insert(newMovie({ title: 'Ronin' }));
    const actor = await actors.insert(newActor({ name: 'Jean Reno' }));
    await castings.insert(Casting.create({ movieId: movie.id, actorId: actor.id }));
    t.equal(await movies.delete(movie.id, 7), false, 'a stale version deletes nothing');
    t.ok(await movies.findById(movie.id));
    t.equal(await movies.delete(movie.id, 1), true);
    t.equal(await movies.findById(movie.id), null);
    t.same(await castings.rolesOf(actor.id), [], 'its castings are gone');
    t.ok(await actors.findById(actor.id), 'the actor stays');
    t.equal(await movies.delete(movie.id), false, 'deleting twice finds nothing');
    const other = await movies.insert(newMovie({ title: 'Leon' }));
    t.equal(await movies.delete(other.id), true, 'without a version the delete goes through');
  });

  t.test('filters', async (t) => {
    const { movies, actors, castings } = await fresh();
    const add = (title: string, more: Partial<MovieInput> = {}) => movies.insert(newMovie({ ...more, title }));
    const heat = await add('Heat', {
      director: 'Michael Mann',
      genres: ['Crime', 'Drama'],
      imdbScore: 8.3,
      popularity: 60,
      releaseDate: '1995-12-15',
    });
    const thief = await add('Thief', {
      director: 'Michael Mann',
      genres: ['crime'],
      imdbScore: 7.3,
      popularity: 20,
      releaseDate: '1981-03-27',
    });
    const manhunter = await add('The Heathen', {
      director: 'Michael Manners',
      genres: ['Thriller'],
      imdbScore: 7.2,
      releaseDate: '1986-08-15',
    });
    const percent = await add('100% Love', { genres: ['Romance', 'Drama'] });
    const plain = await add('1000 Love');
    const under = await add('a_b');
    await add('axb');
    const slash = await add('back\\slash');
    const actor = await actors.insert(newActor({ name: 'Al Pacino' }));
    await castings.insert(Casting.create({ movieId: heat.id, actorId: actor.id }));
    const ids = async (filter: MovieFilter) => (await movies.list(filter, firstPage)).items.map((m) => m.id);

    t.same(await ids({ q: 'HEAT' }), [heat.id, manhunter.id], 'q: in the title, ignoring case; the exact title first');
    t.same(await ids({ q: '100%' }), [percent.id], 'q: % matches itself only');
    t.same(await ids({ q: 'a_b' }), [under.id], 'q: _ matches itself only');
    t.same(await ids({ q: 'k\\s' }), [slash.id], 'q: a backslash matches itself');
    t.same(await ids({ q: '%' }), [], 'q: a lone % is a harmless search (no word starts with it)');
    t.same(await ids({ q: 'Love' }), [percent.id, plain.id]);
    t.same(await ids({ director: 'MICHAEL MANN' }), [heat.id, thief.id], 'director: exact, ignoring case');
    t.same(await ids({ genresAll: ['CRIME', 'drama'] }), [heat.id], 'genresAll: every genre, ignoring case');
    t.same(await ids({ genresAny: ['Crime', 'romance'] }), [heat.id, thief.id, percent.id], 'genresAny: one of them');
    t.same(await ids({ imdbScore: { gte: 7.3 } }), [heat.id, thief.id], 'imdbScore.gte is inclusive; unscored movies are out');
    t.same(await ids({ imdbScore: { gte: 7.2, lte: 7.3 } }), [thief.id, manhunter.id]);
    t.same(await ids({ popularity: { lte: 20 } }), [thief.id]);
    t.same(await ids({ releaseDate: { gte: '1981-03-27', lte: '1986-08-15' } }), [thief.id, manhunter.id]);
    t.same(await ids({ actorId: actor.id }), [heat.id], 'actorId: movies the actor is cast in');
    t.same(await ids({ q: 'heat', idAfter: heat.id }), [manhunter.id], 'idAfter: only later ids (keyset paging)');
    t.same(await ids({ q: 'mic', director: 'michael mann', imdbScore: { gte: 8 } }), [heat.id], 'filters combine');
    t.same(await ids({ q: 'nothing like this' }), []);
    t.equal((await ids({})).length, 8);
  });

  t.test('sort, id tie-breaker and paging', async (t) => {
    const { movies } = await fresh();
    await movies.insert(newMovie({ title: 'Beta', imdbScore: 7, popularity: 5 }));
    await movies.insert(newMovie({ title: 'Alpha', imdbScore: 8, popularity: 5 }));
    await movies.insert(newMovie({ title: 'Delta', imdbScore: 7, popularity: 9 }));
    await movies.insert(newMovie({ title: 'Charlie' }));
    await movies.insert(newMovie({ title: 'Echo', imdbScore: 7, popularity: 1 }));
    const order = async (request: Partial<PageRequest<MovieSortField>>) =>
      (await movies.list({}, { ...firstPage, ...request })).items.map((m) => m.title);
    t.same(await order({}), ['Beta', 'Alpha', 'Delta', 'Charlie', 'Echo'], 'unsorted lists go by id');
    t.same(await order({ sort: [{ field: 'title', direction: 'asc' }] }), ['Alpha', 'Beta', 'Charlie', 'Delta', 'Echo']);
    t.same(
      await order({ sort: [{ field: 'imdb_score', direction: 'asc' }] }),
      ['Beta', 'Delta', 'Echo', 'Alpha', 'Charlie'],
      'ties by id; no score last',
    );
    t.same(
      await order({ sort: [{ field: 'imdb_score', direction: 'desc' }] }),
      ['Alpha', 'Beta', 'Delta', 'Echo', 'Charlie'],
      'descending: best score first, no score still last, ties still by ascending id',
    );
    const twoKeys = [
      { field: 'imdb_score', direction: 'asc' },
      { field: 'popularity', direction: 'desc' },
    ] as const;
    t.same(await order({ sort: [...twoKeys] }), ['Delta', 'Beta', 'Echo', 'Alpha', 'Charlie'], 'a second key orders the ties of the first');
    const page2 = await movies.list({}, { page: 2, limit: 2, sort: [{ field: 'title', direction: 'desc' }] });
    t.same(
      page2.items.map((m) => m.title),
      ['Charlie', 'Beta'],
    );
    t.same([page2.total, page2.totalCapped], [5, false], 'the total counts every match, not the page');
    const beyond = await movies.list({}, { page: 4, limit: 2, sort: [] });
    t.same([beyond.items, beyond.total], [[], 5], 'a page past the end is empty but keeps the total');
  });

  t.test('totals are exact up to the cap, then capped', async (t) => {
    const { movies } = await fresh({ countCap: 3 });
    for (const title of ['One', 'Two', 'Three']) await movies.insert(newMovie({ title }));
    t.same(await totals(), [3, false], 'exactly the cap is still exact');
    await movies.insert(newMovie({ title: 'Four' }));
    await movies.insert(newMovie({ title: 'Five' }));
    t.same(await totals(), [3, true], 'more than the cap: the cap, flagged');
    const page = await movies.list({}, { page: 2, limit: 2, sort: [] });
    t.equal(page.items.length, 2, 'paging still reaches rows beyond the cap');
    const filtered = await movies.list({ q: 'f' }, firstPage);
    t.same([filtered.total, filtered.totalCapped], [2, false], 'the cap applies to the filtered matches');
    async function totals() {
      const page = await movies.list({}, { page: 1, limit: 1, sort: [] });
      return [page.total, page.totalCapped];
    }
  });

  t.test('genres are counted ignoring case, most used first', async (t) => {
    const { movies } = await fresh();
    t.same(await movies.genres(), [], 'no movies, no genres');
    await movies.insert(newMovie({ title: 'A', genres: ['Drama', 'Crime'] }));
    await movies.insert(newMovie({ title: 'B', genres: ['Drama'] }));
    await movies.insert(newMovie({ title: 'C', genres: ['Comedy', 'Drama'] }));
    await movies.insert(newMovie({ title: 'D', genres: ['Comedy'] }));
    await movies.insert(newMovie({ title: 'E', genres: ['Western'] }));
    t.same(await movies.genres(), [
      { name: 'Drama', movies: 3 },
      { name: 'Comedy', movies: 2 },
      { name: 'Crime', movies: 1 },
      { name: 'Western', movies: 1 },
    ]);
    await movies.insert(newMovie({ title: 'F', genres: ['DRAMA', 'western'] }));
    const [drama, comedy, western, crime] = await movies.genres();
    t.match(drama, { name: /^drama$/i, movies: 4 }, 'another spelling of a genre counts with it');
    t.same(
      [comedy, crime],
      [
        { name: 'Comedy', movies: 2 },
        { name: 'Crime', movies: 1 },
      ],
    );
    t.match(western, { name: /^western$/i, movies: 2 }, 'equal counts go by name');
  });
}
