import t from 'tap';
import { ROLES } from '../../src/domain/permissions.ts';
import { inMemoryRepositories } from '../../src/adapters/persistence/in-memory/index.ts';
import { buildUseCases } from '../../src/infrastructure/container.ts';
import { DEMO_ACTORS, DEMO_CAST, DEMO_MOVIES } from '../../src/infrastructure/demo-catalog.ts';
import { ageOn, loadDemoData } from '../../src/infrastructure/demo-data.ts';

const quiet = { info: () => {} };
const allMovies = { filter: {}, page: { page: 1, limit: 100, sort: [] } };

t.test('DEMO_DATA loads a few dozen films, actors and castings through the use cases', async (t) => {
  const useCases = buildUseCases(inMemoryRepositories());
  const result = await loadDemoData(useCases, quiet, new Date('2026-01-01T00:00:00Z'));
  const castings = Object.values(DEMO_CAST).flat().length;
  t.same(result, { loaded: true, movies: DEMO_MOVIES.length, actors: DEMO_ACTORS.length, castings });
  t.ok(DEMO_MOVIES.length >= 30 && DEMO_ACTORS.length >= 30, 'a few dozen of each');
  const movies = await useCases.listMovies.execute(allMovies);
  t.equal(movies.total, DEMO_MOVIES.length + 2, 'and the two upcoming movies of the casting demo');
  const heat = movies.items.find((m) => m.title === 'Heat');
  t.match(heat, { director: 'Michael Mann', releaseDate: '1995-12-15', genres: ['Action', 'Crime', 'Drama'], imdbScore: 8.3 });
  const actors = await useCases.listActors.execute({ filter: {}, page: { page: 1, limit: 100, sort: [] } });
  t.match(
    actors.items.find((a) => a.name === 'Tom Hanks'),
    { gender: 'male', age: 69 },
  );
  const detail = await useCases.getMovie.execute({ id: heat!.id });
  t.match(
    detail.cast,
    [
      { character: 'Vincent Hanna', billingOrder: 1 },
      { character: 'Neil McCauley', billingOrder: 2 },
    ],
    'the cast in billing order',
  );
});

t.test('a second start changes nothing', async (t) => {
  const useCases = buildUseCases(inMemoryRepositories());
  await loadDemoData(useCases, quiet);
  const messages: string[] = [];
  const again = await loadDemoData(useCases, { info: (m) => messages.push(m) });
  t.equal(again.loaded, false);
  t.match(messages, [/skipped/]);
  t.equal((await useCases.listMovies.execute(allMovies)).total, DEMO_MOVIES.length + 2);
});

t.test('ages are whole years on the given day', async (t) => {
  t.equal(ageOn(new Date('2026-07-08T12:00:00Z'), '1956-07-09'), 69, 'the day before the birthday');
  t.equal(ageOn(new Date('2026-07-09T12:00:00Z'), '1956-07-09'), 70, 'on the birthday');
  t.equal(ageOn(new Date('2026-12-31T12:00:00Z'), '1956-07-09'), 70, 'later that year');
});

t.test('demo users are created when missing even if movies exist; passwords go to the terminal, never the log', async (t) => {
  const useCases = buildUseCases(inMemoryRepositories());
  await useCases.createMovie.execute({ title: 'Already here' });
  const logged: string[] = [];
  const shown: string[] = [];
  const result = await loadDemoData(useCases, { info: (m) => logged.push(m) }, new Date(), (text) => shown.push(text));
  t.equal(result.loaded, false, 'no demo movies added to a catalog that has movies');
  const users = await useCases.listUsers.execute({ page: { page: 1, limit: 10, sort: [] } });
  t.same(users.items.map((u) => u.username).sort(), [...ROLES].sort(), 'one user per role');
  t.equal(shown.length, 1, 'shown once');
  for (const role of ROLES) t.match(shown[0], new RegExp(`^  ${role} +\\S{16,}Aa1$`, 'm'), `${role} with its password`);
  const passwords = [...shown[0]!.matchAll(/ (\S+Aa1)$/gm)].map((m) => m[1]!);
  t.equal(passwords.length, ROLES.length);
  t.notOk(
    logged.some((line) => passwords.some((p) => line.includes(p))),
    'no password in the log',
  );
  t.match(logged.join('\n'), /Demo users created: casting_assistant/);

  const again: string[] = [];
  await loadDemoData(useCases, quiet, new Date(), (text) => again.push(text));
  t.same(again, [], 'nothing shown when they exist');
});
