import t from 'tap';
import { ListActors } from '../../src/application/actors/list-actors.ts';
import { GetMovie } from '../../src/application/movies/get-movie.ts';
import { ListMovies } from '../../src/application/movies/list-movies.ts';
import { CreateMovie } from '../../src/application/movies/create-movie.ts';
import { ListUsers } from '../../src/application/users/list-users.ts';
import { ROLES } from '../../src/domain/permissions.ts';
import { inMemoryRepositories } from '../../src/adapters/persistence/in-memory/index.ts';
import { buildContainer } from '../../src/infrastructure/container.ts';
import { DEMO_ACTORS, DEMO_CAST, DEMO_MOVIES } from '../../src/infrastructure/demo-catalog.ts';
import { ageOn, loadDemoData } from '../../src/infrastructure/demo-data.ts';

const quiet = { info: () => {} };
const allMovies = { filter: {}, page: { page: 1, limit: 100, sort: [] } };

t.test('DEMO_DATA loads a few dozen films, actors and castings through the use cases', async (t) => {
  const container = buildContainer(inMemoryRepositories());
  const result = await loadDemoData(container, quiet, new Date('2026-01-01T00:00:00Z'));
  const castings = Object.values(DEMO_CAST).flat().length;
  t.same(result, { loaded: true, movies: DEMO_MOVIES.length, actors: DEMO_ACTORS.length, castings });
  t.ok(DEMO_MOVIES.length >= 30 && DEMO_ACTORS.length >= 30, 'a few dozen of each');
  const movies = await container.resolve(ListMovies).execute(allMovies);
  t.equal(movies.total, DEMO_MOVIES.length + 2, 'and the two upcoming movies of the casting demo');
  const heat = movies.items.find((m) => m.title === 'Heat');
  t.match(heat, { director: 'Michael Mann', releaseDate: '1995-12-15', genres: ['Action', 'Crime', 'Drama'], imdbScore: 8.3 });
  const actors = await container.resolve(ListActors).execute({ filter: {}, page: { page: 1, limit: 100, sort: [] } });
  t.match(
    actors.items.find((a) => a.name === 'Tom Hanks'),
    { gender: 'male', age: 69 },
  );
  const detail = await container.resolve(GetMovie).execute({ id: heat!.id });
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
  const container = buildContainer(inMemoryRepositories());
  await loadDemoData(container, quiet);
  const messages: string[] = [];
  const again = await loadDemoData(container, { info: (m) => messages.push(m) });
  t.equal(again.loaded, false);
  t.match(messages, [/skipped/]);
  t.equal((await container.resolve(ListMovies).execute(allMovies)).total, DEMO_MOVIES.length + 2);
});

t.test('ages are whole years on the given day', async (t) => {
  t.equal(ageOn(new Date('2026-07-08T12:00:00Z'), '1956-07-09'), 69, 'the day before the birthday');
  t.equal(ageOn(new Date('2026-07-09T12:00:00Z'), '1956-07-09'), 70, 'on the birthday');
  t.equal(ageOn(new Date('2026-12-31T12:00:00Z'), '1956-07-09'), 70, 'later that year');
});

t.test('demo users are created when missing even if movies exist; passwords go to the terminal, never the log', async (t) => {
  const container = buildContainer(inMemoryRepositories());
  await container.resolve(CreateMovie).execute({ title: 'Already here' });
  const logged: string[] = [];
  const shown: string[] = [];
  const result = await loadDemoData(container, { info: (m) => logged.push(m) }, new Date(), (text) => shown.push(text));
  t.equal(result.loaded, false, 'no demo movies added to a catalog that has movies');
  const users = await container.resolve(ListUsers).execute({ page: { page: 1, limit: 10, sort: [] } });
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
  await loadDemoData(container, quiet, new Date(), (text) => again.push(text));
  t.same(again, [], 'nothing shown when they exist');
});
