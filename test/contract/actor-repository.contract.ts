import type { Test } from 'tap';
import type { ActorFilter } from '../../src/application/ports/actor-repository.ts';
import { Casting } from '../../src/domain/casting.ts';
import { type CatalogFactory, firstPage, newActor, newMovie } from './catalog-factory.ts';

/** The behaviour every ActorRepository adapter must show. */
export function actorRepositoryContract(t: Test, fresh: CatalogFactory): void {
  t.test('insert assigns an id; findById returns the actor as stored', async (t) => {
    const { actors } = await fresh();
    const actor = newActor({ name: 'Frances McDormand', age: 67, gender: 'female' });
    const saved = await actors.insert(actor);
    t.ok(saved.id > 0);
    t.same({ ...(await actors.findById(saved.id)) }, { ...actor, id: saved.id });
    t.equal(await actors.findById(saved.id + 1000), null);
  });

  t.test('update is a compare-and-set; delete honours the version and takes the castings', async (t) => {
    const { movies, actors, castings } = await fresh();
    const saved = await actors.insert(newActor({ name: 'Kurt Russell', age: 70, gender: 'male' }));
    const older = saved.withChanges({ age: 71 }, new Date('2025-05-05T05:05:05.505Z'));
    t.equal(await actors.update(older, 1), true);
    t.same(await actors.findById(saved.id), { ...older });
    t.equal(await actors.update(saved.withChanges({ name: 'K. Russell' }, new Date()), 1), false, 'a stale version changes nothing');
    const movie = await movies.insert(newMovie({ title: 'The Thing' }));
    await castings.insert(Casting.create({ movieId: movie.id, actorId: saved.id }));
    t.equal(await actors.delete(saved.id, 1), false);
    t.equal(await actors.delete(saved.id, 2), true);
    t.equal(await actors.findById(saved.id), null);
    t.same(await castings.castOf(movie.id), [], 'the castings went with the actor');
    t.equal(await actors.delete(saved.id), false);
  });

  t.test('filters', async (t) => {
    const { movies, actors, castings } = await fresh();
    const ann = await actors.insert(newActor({ name: 'Ann-Margret', age: 83, gender: 'female' }));
    const anna = await actors.insert(newActor({ name: 'Anna_Karina', age: 79, gender: 'Female' }));
    const hanks = await actors.insert(newActor({ name: 'Tom Hanks', age: 68, gender: 'male' }));
    const pct = await actors.insert(newActor({ name: '50% Cent', age: 30, gender: 'non-binary' }));
    const movie = await movies.insert(newMovie({ title: 'Big' }));
    await castings.insert(Casting.create({ movieId: movie.id, actorId: hanks.id }));
    const ids = async (filter: ActorFilter) => (await actors.list(filter, firstPage)).items.map((a) => a.id);
    t.same(await ids({ q: 'ANN' }), [ann.id, anna.id], 'q: in the name, ignoring case');
    t.same(await ids({ q: 'a_k' }), [anna.id], 'q: _ matches itself only');
    t.same(await ids({ q: '50%' }), [pct.id], 'q: % matches itself only');
    t.same(await ids({ gender: 'FEMALE' }), [ann.id, anna.id], 'gender: exact, ignoring case');
    t.same(await ids({ age: { gte: 68, lte: 79 } }), [anna.id, hanks.id], 'age range, inclusive');
    t.same(await ids({ movieId: movie.id }), [hanks.id], 'movieId: the cast of that movie');
    t.same(await ids({ q: 'han', gender: 'male' }), [hanks.id], 'filters combine');
  });

  t.test('sort, tie-breaker, paging and capped totals', async (t) => {
    const { actors } = await fresh({ countCap: 3 });
    for (const [name, age] of [
      ['Cher', 78],
      ['Bjork', 58],
      ['Adele', 36],
      ['Dido', 53],
      ['Enya', 58],
    ] as const) {
      await actors.insert(newActor({ name, age }));
    }
    const names = async (field: 'name' | 'age', direction: 'asc' | 'desc', page = 1, limit = 10) =>
      (await actors.list({}, { page, limit, sort: [{ field, direction }] })).items.map((a) => a.name);
    t.same(await names('name', 'asc'), ['Adele', 'Bjork', 'Cher', 'Dido', 'Enya']);
    t.same(await names('age', 'desc'), ['Cher', 'Bjork', 'Enya', 'Dido', 'Adele'], 'equal ages by id');
    t.same(await names('age', 'asc', 2, 2), ['Bjork', 'Enya']);
    const all = await actors.list({}, firstPage);
    t.same([all.items.length, all.total, all.totalCapped], [5, 3, true], 'the total stops at the cap and says so');
    const few = await actors.list({ age: { lte: 53 } }, firstPage);
    t.same([few.total, few.totalCapped], [2, false]);
  });
}
