import t from 'tap';
import { castingWorkflow, TO_OFFER } from './support.ts';

const page = { page: 1, limit: 20, sort: [{ field: 'name' as const, direction: 'asc' as const }] };

t.test('candidates fit the role, are not auditioning for it and are free during its shoot', async (t) => {
  const w = castingWorkflow();
  const movie = await w.movie({ title: 'Alien', shootStart: '2026-05-01', shootEnd: '2026-05-31' });
  const role = await w.createRole.execute({ movieId: movie.id, name: 'Ripley', ageMin: 25, ageMax: 40, gender: 'female' });
  for (const [name, age, gender] of [
    ['Ann', 30, 'female'],
    ['Bea', 24, 'female'],
    ['Cat', 41, 'FEMALE'],
    ['Dan', 30, 'male'],
    ['Eve', 40, 'Female'],
    ['Fay', 25, 'female'],
    ['Gil', 33, 'female'],
  ] as const) {
    await w.actor({ name, age, gender });
  }
  const byName = async (name: string) => (await w.repos.actors.list({ q: name }, page)).items[0]!;
  await w.auditionAt(role.id, (await byName('Fay')).id, []);
  const busyElsewhere = await w.createRole.execute({
    movieId: (await w.movie({ title: 'Heat', shootStart: '2026-05-20', shootEnd: '2026-06-10' })).id,
    name: 'Eady',
  });
  await w.auditionAt(busyElsewhere.id, (await byName('Gil')).id, [...TO_OFFER, 'accepted']);
  const later = await w.createRole.execute({
    movieId: (await w.movie({ title: 'Ronin', shootStart: '2026-06-01', shootEnd: '2026-06-10' })).id,
    name: 'Deirdre',
  });
  await w.auditionAt(later.id, (await byName('Ann')).id, [...TO_OFFER, 'accepted']);
  const found = await w.candidates.execute({ roleId: role.id, page });
  t.same(
    found.items.map((a) => a.name),
    ['Ann', 'Eve'],
  );
  t.equal(found.total, 2);
  t.same(
    (await w.candidates.execute({ roleId: role.id, q: 'ev', page })).items.map((a) => a.name),
    ['Eve'],
  );
  const desc = await w.candidates.execute({ roleId: role.id, page: { page: 1, limit: 1, sort: [{ field: 'age', direction: 'desc' }] } });
  t.same([desc.items.map((a) => a.name), desc.total], [['Eve'], 2]);
  await t.rejects(w.candidates.execute({ roleId: 99, page }), { code: 'ROLE_NOT_FOUND' });
});

t.test('an actor’s schedule lists accepted parts by shoot start, unscheduled last', async (t) => {
  const w = castingWorkflow();
  const star = await w.actor({ name: 'Sigourney Weaver' });
  const part = async (title: string, shoot: { shootStart?: string; shootEnd?: string }) => {
    const role = await w.createRole.execute({ movieId: (await w.movie({ title, ...shoot })).id, name: `${title} lead` });
    return w.auditionAt(role.id, star.id, [...TO_OFFER, 'accepted']);
  };
  await part('Avatar', {});
  await part('Aliens', { shootStart: '2026-09-01', shootEnd: '2026-09-30' });
  await part('Alien', { shootStart: '2026-05-01', shootEnd: '2026-05-31' });
  const offeredOnly = await w.createRole.execute({ movieId: (await w.movie({ title: 'Heat' })).id, name: 'Eady' });
  await w.auditionAt(offeredOnly.id, star.id, TO_OFFER);
  const schedule = await w.schedule.execute({ actorId: star.id });
  t.same(
    schedule.map((p) => [p.movieTitle, p.roleName, p.shoot?.start ?? null]),
    [
      ['Alien', 'Alien lead', '2026-05-01'],
      ['Aliens', 'Aliens lead', '2026-09-01'],
      ['Avatar', 'Avatar lead', null],
    ],
  );
  await t.rejects(w.schedule.execute({ actorId: 999 }), { code: 'ACTOR_NOT_FOUND' });
});
