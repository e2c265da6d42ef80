import type { Test } from 'tap';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MovieImportStore } from '../../src/application/ports/movie-import-store.ts';
import type { MovieRepository } from '../../src/application/ports/movie-repository.ts';
import type { Movie } from '../../src/domain/movie.ts';
import { firstPage, newMovie } from './catalog-factory.ts';

export type ImportStoreFactory = () => Promise<{ store: MovieImportStore; movies: MovieRepository }>;

const upsert = (store: MovieImportStore, batch: Movie[]) => store.transaction((tx) => tx.upsertBatch(batch));
const allMovies = async (movies: MovieRepository) =>
  (await movies.list({}, { ...firstPage, sort: [{ field: 'id', direction: 'asc' }] })).items;

/** What every MovieImportStore must do, whatever it stores into. */
export function movieImportStoreContract(t: Test, fresh: ImportStoreFactory): void {
  t.test('new keys are inserted with ids in batch order; the same batch again changes nothing', async (t) => {
    const { store, movies } = await fresh();
    const batch = ['Zulu', 'Alien', 'Metropolis'].map((title) => newMovie({ title, director: 'D', genres: ['Drama'] }));
    t.same(await upsert(store, batch), { inserted: 3, updated: 0, unchanged: 0 });
    const stored = await allMovies(movies);
    t.same(
      stored.map((m) => m.title),
      ['Zulu', 'Alien', 'Metropolis'],
      'ids follow the batch order',
    );
    const again = ['Zulu', 'Alien', 'Metropolis'].map((title) => newMovie({ title, director: 'D', genres: ['Drama'] }));
    t.same(await upsert(store, again), { inserted: 0, updated: 0, unchanged: 3 });
    const after = await allMovies(movies);
    t.same(
      after.map((m) => [m.id, m.version, m.updatedAt.getTime()]),
      stored.map((m) => [m.id, 1, m.updatedAt.getTime()]),
      'nothing was written',
    );
  });

  t.test('the key ignores case; a change of case, genre order or score is an update', async (t) => {
    const { store, movies } = await fresh();
    const original = newMovie({
      title: 'Batman',
      director: 'Tim Burton',
      releaseDate: '1989-06-23',
      genres: ['Action', 'Crime'],
      imdbScore: 7.5,
    });
    await upsert(store, [
      original,
      newMovie({ title: 'Heat' }),
      newMovie({ title: 'Ran', genres: ['War', 'Drama'] }),
      newMovie({ title: 'Up', popularity: 50 }),
    ]);
    const [batman] = await allMovies(movies);
    const changed = [
      newMovie({ title: 'BATMAN', director: 'tim burton', releaseDate: '1989-06-23', genres: ['Action', 'Crime'], imdbScore: 7.5 }),
      newMovie({ title: 'Heat' }),
      newMovie({ title: 'Ran', genres: ['Drama', 'War'] }),
      newMovie({ title: 'Up', popularity: 50.5 }),
    ];
    t.same(await upsert(store, changed), { inserted: 0, updated: 3, unchanged: 1 });
    const updated = (await movies.findById(batman!.id))!;
    t.match(updated, { title: 'BATMAN', director: 'tim burton', version: 2 });
    t.equal(updated.createdAt.getTime(), batman!.createdAt.getTime(), 'created_at is kept');
    t.equal(updated.updatedAt.getTime(), changed[0]!.updatedAt.getTime(), 'updated_at is the import time');
    t.same(
      (await allMovies(movies)).map((m) => [m.title, m.genres, m.popularity, m.version]),
      [
        ['BATMAN', ['Action', 'Crime'], null, 2],
        ['Heat', [], null, 1],
        ['Ran', ['Drama', 'War'], null, 2],
        ['Up', [], 50.5, 2],
      ],
    );
  });

  t.test('director and release date are part of the key; absent ones are a key of their own', async (t) => {
    const { store, movies } = await fresh();
    const batch = [
      newMovie({ title: 'Batman' }),
      newMovie({ title: 'Batman', director: 'Tim Burton' }),
      newMovie({ title: 'Batman', director: 'Tim Burton', releaseDate: '1989-06-23' }),
    ];
    t.same(await upsert(store, batch), { inserted: 3, updated: 0, unchanged: 0 });
    t.same(await upsert(store, [newMovie({ title: 'batman', imdbScore: 5 })]), { inserted: 0, updated: 1, unchanged: 0 });
    t.equal((await allMovies(movies)).length, 3);
  });

  t.test('a shoot window is set when the import gives one and kept when it gives none', async (t) => {
    const { store, movies } = await fresh();
    const may = { shootStart: '2027-05-01', shootEnd: '2027-05-31' };
    await upsert(store, [newMovie({ title: 'Alien', ...may }), newMovie({ title: 'Heat' })]);
    t.same(await upsert(store, [newMovie({ title: 'Alien' })]), { inserted: 0, updated: 0, unchanged: 1 }, 'no window: kept, no change');
    const june = { shootStart: '2027-06-01', shootEnd: '2027-06-30' };
    t.same(await upsert(store, [newMovie({ title: 'Alien', ...june }), newMovie({ title: 'Heat', ...may })]), {
      inserted: 0,
      updated: 2,
      unchanged: 0,
    });
    t.same(await upsert(store, [newMovie({ title: 'Alien', imdbScore: 8 })]), { inserted: 0, updated: 1, unchanged: 0 });
    t.same(
      (await allMovies(movies)).map((m) => [m.title, m.shootStart, m.shootEnd, m.imdbScore, m.version]),
      [
        ['Alien', june.shootStart, june.shootEnd, 8, 3],
        ['Heat', may.shootStart, may.shootEnd, null, 2],
      ],
    );
  });

  t.test('genres with quotes, backslashes, commas and braces round-trip', async (t) => {
    const { store, movies } = await fresh();
    const genres = ['Sci-Fi, "Noir"', 'back\\slash', '{braced}', 'Ünïcode'];
    await upsert(store, [newMovie({ title: 'Odd', genres })]);
    t.same((await allMovies(movies))[0]?.genres, genres);
    t.same(await upsert(store, [newMovie({ title: 'Odd', genres })]), { inserted: 0, updated: 0, unchanged: 1 });
  });

  t.test('a thrown error rolls everything back and comes out unchanged', async (t) => {
    const { store, movies } = await fresh();
    await upsert(store, [newMovie({ title: 'Kept', imdbScore: 1 })]);
    const before = await allMovies(movies);
    const mine = new Error('stop');
    const attempt = store.transaction(async (tx) => {
      await tx.upsertBatch([newMovie({ title: 'Kept', imdbScore: 9 }), newMovie({ title: 'New one' })]);
      await tx.upsertBatch([newMovie({ title: 'Another' })]);
      throw mine;
    });
    await t.rejects(attempt, mine);
    t.equal(await attempt.catch((error: unknown) => error), mine, 'the very same error');
    t.same(await allMovies(movies), before, 'the catalog is as it was');
    t.same(await upsert(store, [newMovie({ title: 'After' })]), { inserted: 1, updated: 0, unchanged: 0 }, 'the store still works');
  });

  t.test('a committed transaction answers what work returned', async (t) => {
    const { store } = await fresh();
    t.equal(await store.transaction(async () => 42), 42);
  });

  t.test('two imports at once both complete, one after the other', async (t) => {
    const { store, movies } = await fresh();
    const events: string[] = [];
    let entered!: () => void;
    const firstInside = new Promise<void>((resolve) => (entered = resolve));
    const batch = () => Array.from({ length: 50 }, (_, i) => newMovie({ title: `Shared ${i}` }));
    const first = store.transaction(async (tx) => {
      events.push('first begins');
      const outcome = await tx.upsertBatch(batch());
      entered();
      await sleep(150);
      events.push('first ends');
      return outcome;
    });
    await firstInside;
    const second = store.transaction(async (tx) => {
      events.push('second begins');
      return tx.upsertBatch(batch().reverse());
    });
    const [a, b] = await Promise.all([first, second]);
    t.same(events, ['first begins', 'first ends', 'second begins']);
    t.same(a, { inserted: 50, updated: 0, unchanged: 0 });
    t.same(b, { inserted: 0, updated: 0, unchanged: 50 }, 'the second saw what the first committed');
    t.equal((await allMovies(movies)).length, 50);
  });

  t.test('a batch of thousands is one call', async (t) => {
    const { store, movies } = await fresh();
    const batch = Array.from({ length: 3000 }, (_, i) => newMovie({ title: `Film ${i}`, genres: ['Drama'], popularity: i % 100 }));
    t.same(await upsert(store, batch), { inserted: 3000, updated: 0, unchanged: 0 });
    // Totals are exact only up to 1,000 (then capped): count the batch in four popularity quarters of 750.
    const quarters = [0, 25, 50, 75].map((gte) => movies.list({ popularity: { gte, lte: gte + 24 } }, { page: 1, limit: 1, sort: [] }));
    const totals = (await Promise.all(quarters)).map((page) => page.total);
    t.same(totals, [750, 750, 750, 750]);
  });
}
