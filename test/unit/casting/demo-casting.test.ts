import t from 'tap';
import { inMemoryRepositories } from '../../../src/adapters/persistence/in-memory/index.ts';
import { buildUseCases } from '../../../src/infrastructure/container.ts';
import { loadDemoData } from '../../../src/infrastructure/demo-data.ts';
import { permissionsOf } from '../../../src/domain/permissions.ts';

const page = { page: 1, limit: 100, sort: [] };

t.test('DEMO_DATA adds open roles, auditions in several states and one schedule conflict to try', async (t) => {
  const useCases = buildUseCases(inMemoryRepositories());
  await loadDemoData(useCases, { info: () => {} }, new Date('2026-01-01T00:00:00Z'));
  const movies = (await useCases.listMovies.execute({ filter: {}, page })).items;
  const nightShift = movies.find((m) => m.title === 'Night Shift')!;
  const harbor = movies.find((m) => m.title === 'Harbor Lights')!;
  const roles = (await useCases.listRoles.execute({ filter: { movieId: nightShift.id }, page })).items;
  t.same(roles.map((r) => [r.name, r.state]).sort(), [
    ['Detective Ruiz', 'filled'],
    ['Night Nurse', 'open'],
  ]);
  const states = [];
  for (const role of roles)
    states.push(...(await useCases.listAuditions.execute({ filter: { roleId: role.id }, page })).items.map((a) => a.state));
  t.same(states.sort(), ['accepted', 'invited', 'rejected', 'shortlisted']);
  const [captain] = (await useCases.listRoles.execute({ filter: { movieId: harbor.id }, page })).items;
  const [offer] = (await useCases.listAuditions.execute({ filter: { roleId: captain!.id }, page })).items;
  t.equal(offer!.state, 'offered');
  const producer = { subject: 'p', permissions: permissionsOf('executive_producer') };
  await t.rejects(useCases.moveAudition.execute({ auditionId: offer!.id, to: 'accepted', by: producer }), {
    code: 'SCHEDULE_CONFLICT',
  });
});
