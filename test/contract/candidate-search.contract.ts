import type { Test } from 'tap';
import type { CandidateQuery } from '../../src/application/ports/actor-availability.ts';
import type { ActorSortField } from '../../src/application/ports/actor-repository.ts';
import type { PageRequest } from '../../src/application/ports/paging.ts';
import { firstPage, newActor, newMovie } from './catalog-factory.ts';
import { type CastingWorkflowAdapters, type CastingWorkflowFactory, newRole, storedAudition } from './casting-workflow-factory.ts';

/** An open role for actors of 25 to 60, shooting in May, and a way to add actors of 40. */
async function castingFor(a: CastingWorkflowAdapters) {
  const movie = await a.movies.insert(newMovie({ title: 'Alien', shootStart: '2026-05-01', shootEnd: '2026-05-31' }));
  const role = await a.roles.insert(newRole({ movieId: movie.id, ageMin: 25, ageMax: 60 }));
  const query: CandidateQuery = { roleId: role.id, fit: role, shoot: movie.shootWindow() };
  const add = async (name: string, age = 40) => (await a.actors.insert(newActor({ name, age }))).id;
  const names = async (q: string, page: PageRequest<ActorSortField> = firstPage) =>
    (await a.availability.candidates({ ...query, q }, page)).items.map((x) => x.name);
  return { role, query, add, names };
}

/** A role's candidates answer `q` as GET /actors does (domain/search-text.ts), among the candidates only. */
export function candidateSearchContract(t: Test, fresh: CastingWorkflowFactory): void {
  t.test('candidates: q ignores case and accents, tolerates a typo, matches word starts', async (t) => {
    const a = await fresh();
    const { add, names } = await castingFor(a);
    await add('Jamie Foxx');
    await add('Michael Madsen');
    await add('Mads Mikkelsen');
    await add('Penélope Cruz');
    t.same(await names('pene'), ['Penélope Cruz'], 'accents and case ignored');
    t.same(await names('mikelsen'), ['Mads Mikkelsen'], 'a typo in a word of five letters or more');
    t.same(await names('mad'), ['Mads Mikkelsen', 'Michael Madsen'], 'a name starting with the prefix before a word starting with it');
    t.same(await names('mi'), ['Michael Madsen', 'Mads Mikkelsen'], 'two letters match the starts of words, not Jamie');
  });

  t.test('candidates: with q and no sort, best first; a sort or a page still applies', async (t) => {
    const a = await fresh();
    const { add, names } = await castingFor(a);
    await add('Sean Penn', 50);
    await add('Penn', 30);
    t.same(await names('penn'), ['Penn', 'Sean Penn'], 'the exact name before a name with the word');
    t.same(await names('penn', { page: 2, limit: 1, sort: [] }), ['Sean Penn'], 'page 2 of the ranked list');
    t.same(
      await names('penn', { page: 1, limit: 10, sort: [{ field: 'age', direction: 'desc' }] }),
      ['Sean Penn', 'Penn'],
      'a sort: by it',
    );
  });

  t.test('candidates: a name that matches q is still no candidate unless the actor fits, is free and not auditioning', async (t) => {
    const a = await fresh();
    const { role, add, names } = await castingFor(a);
    await add('Penelope Ann Miller', 70);
    await storedAudition(a, role.id, await add('Penelope Wilton'));
    const shooting = await a.movies.insert(newMovie({ title: 'Heat', shootStart: '2026-05-20', shootEnd: '2026-06-10' }));
    const elsewhere = await a.roles.insert(newRole({ movieId: shooting.id, name: 'Eady' }));
    await storedAudition(a, elsewhere.id, await add('Pénélope Busy'), ['auditioned', 'shortlisted', 'offered', 'accepted']);
    await add('Penélope Cruz');
    t.same(await names('penelope'), ['Penélope Cruz']);
  });

  t.test('candidates: a ranked search past the count cap, page by page', async (t) => {
    const a = await fresh({ countCap: 1 });
    const { role, query, add } = await castingFor(a);
    await add('Mary Jo Catlett');
    await add('Joséphine Baker');
    await storedAudition(a, role.id, await add('Jo Auditioning'));
    await add('Jo', 80);
    await add('JO');
    const pageOf = async (page: number) => (await a.availability.candidates({ ...query, q: 'jo' }, { page, limit: 1, sort: [] })).items;
    const pages = [await pageOf(1), await pageOf(2), await pageOf(3), await pageOf(4)];
    t.same(
      pages.map((items) => items.map((x) => x.name)),
      [['JO'], ['Joséphine Baker'], ['Mary Jo Catlett'], []],
    );
    const whole = await a.availability.candidates({ ...query, q: 'jo' }, { page: 1, limit: 10, sort: [] });
    t.same([whole.total, whole.totalCapped], [1, true]);
  });
}
