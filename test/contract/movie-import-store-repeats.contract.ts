import type { Test } from 'tap';
import type { MovieImportStore } from '../../src/application/ports/movie-import-store.ts';
import type { MovieRepository } from '../../src/application/ports/movie-repository.ts';
import type { Movie } from '../../src/domain/movie.ts';
import { firstPage, newMovie } from './catalog-factory.ts';
import type { ImportStoreFactory } from './movie-import-store.contract.ts';

const upsert = (store: MovieImportStore, batch: Movie[]) => store.transaction((tx) => tx.upsertBatch(batch));
const summary = async (movies: MovieRepository) =>
  (await movies.list({}, { ...firstPage, sort: [{ field: 'id', direction: 'asc' }] })).items.map((m) => [
    m.title,
    m.director,
    m.imdbScore,
    m.version,
  ]);

/** Batches that name a key more than once (the port lets them): applied in order, each row counted. */
export function repeatedKeysContract(t: Test, fresh: ImportStoreFactory): void {
  t.test('one key several times in a batch: applied in order, ids by first row, version once per change', async (t) => {
    const { store, movies } = await fresh();
    await upsert(store, [newMovie({ title: 'Heat', director: 'Michael Mann', imdbScore: 8 })]);
    const batch = [
      newMovie({ title: 'Zulu' }), // inserted
      newMovie({ title: 'HEAT', director: 'michael mann', imdbScore: 8 }), // updated (case)
      newMovie({ title: 'zulu' }), // updated (case)
      newMovie({ title: 'HEAT', director: 'michael mann', imdbScore: 8 }), // unchanged
      newMovie({ title: 'Alien' }), // inserted
      newMovie({ title: 'Heat', director: 'Michael Mann', imdbScore: 8 }), // updated back
      newMovie({ title: 'zulu' }), // unchanged
    ];
    t.same(await upsert(store, batch), { inserted: 2, updated: 3, unchanged: 2 });
    t.same(await summary(movies), [
      ['Heat', 'Michael Mann', 8, 3],
      ['zulu', null, null, 2],
      ['Alien', null, null, 1],
    ]);
  });

  t.test('one key in two batches of one transaction: the second sees the first', async (t) => {
    const { store, movies } = await fresh();
    const outcomes = await store.transaction(async (tx) => [
      await tx.upsertBatch([newMovie({ title: 'Ran', imdbScore: 8 }), newMovie({ title: 'Ran', imdbScore: 8 })]),
      await tx.upsertBatch([newMovie({ title: 'RAN', imdbScore: 8 }), newMovie({ title: 'RAN', imdbScore: 8.2 })]),
    ]);
    t.same(outcomes, [
      { inserted: 1, updated: 0, unchanged: 1 },
      { inserted: 0, updated: 2, unchanged: 0 },
    ]);
    t.same(await summary(movies), [['RAN', null, 8.2, 3]]);
  });

  t.test('batches of new keys, then one naming a key of the batch before, then new keys again', async (t) => {
    const { store, movies } = await fresh();
    const outcomes = await store.transaction(async (tx) => [
      await tx.upsertBatch([newMovie({ title: 'Ran' }), newMovie({ title: 'Kagemusha' })]),
      await tx.upsertBatch([newMovie({ title: 'Ikiru' }), newMovie({ title: 'Ran', imdbScore: 8.2 })]),
      await tx.upsertBatch([newMovie({ title: 'Dodes’ka-den' }), newMovie({ title: 'Dersu Uzala' })]),
      await tx.upsertBatch([newMovie({ title: 'Yojimbo' }), newMovie({ title: 'Kagemusha' })]),
    ]);
    t.same(outcomes, [
      { inserted: 2, updated: 0, unchanged: 0 },
      { inserted: 1, updated: 1, unchanged: 0 },
      { inserted: 2, updated: 0, unchanged: 0 },
      { inserted: 1, updated: 0, unchanged: 1 },
    ]);
    const titles = ['Ran', 'Kagemusha', 'Ikiru', 'Dodes’ka-den', 'Dersu Uzala', 'Yojimbo'];
    t.same(
      (await summary(movies)).map(([title]) => title),
      titles,
      'ids in file order',
    );
  });

  t.test('texts with tabs, newlines, backslashes and quotes round-trip', async (t) => {
    const { store, movies } = await fresh();
    const odd = { title: 'Tab\there \\N "quoted"', director: 'Back\\slash\r\nnext line', genres: ['a\tb', 'c\\d'] };
    t.same(await upsert(store, [newMovie(odd)]), { inserted: 1, updated: 0, unchanged: 0 });
    const [stored] = (await movies.list({}, firstPage)).items;
    t.same([stored?.title, stored?.director, stored?.genres], [odd.title, odd.director, odd.genres]);
    t.same(await upsert(store, [newMovie(odd)]), { inserted: 0, updated: 0, unchanged: 1 }, 'and compare equal');
  });
}
