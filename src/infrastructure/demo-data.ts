import type { UseCases } from './container.ts';
import { randomBytes } from 'node:crypto';
import { DomainError } from '../domain/errors.ts';
import { ROLES } from '../domain/permissions.ts';
import { DEMO_ACTORS, DEMO_CAST, DEMO_MOVIES } from './demo-catalog.ts';
import { loadDemoCasting } from './demo-casting.ts';

export interface DemoDataLog {
  info(message: string): void;
}

/**
 * Where the demo users' passwords go: plain text on a terminal, once. Never into the log,
 * which is JSON on a pipe and may be shipped anywhere; off a terminal they are not shown at
 * all (ADMIN_USERNAME/ADMIN_PASSWORD is the scripted way in, see the README).
 */
export type ShowSecret = ((text: string) => void) | undefined;

export const terminalOnly = (): ShowSecret => (process.stdout.isTTY ? (text) => process.stdout.write(`${text}\n`) : undefined);

export interface DemoDataResult {
  loaded: boolean;
  movies: number;
  actors: number;
  castings: number;
}

/**
 * DEMO_DATA=true: loads the sample catalog through the use cases, so every rule applies to it
 * as to client input. Runs once: when the catalog already has a movie, it adds none. The demo
 * users are created whenever missing, even then, so there is always a way in.
 */
export async function loadDemoData(
  useCases: UseCases,
  log: DemoDataLog,
  now = new Date(),
  show: ShowSecret = terminalOnly(),
): Promise<DemoDataResult> {
  await createDemoUsers(useCases, log, show);
  const existing = await useCases.listMovies.execute({ filter: {}, page: { page: 1, limit: 1, sort: [] } });
  if (existing.total > 0) {
    log.info('Demo data skipped: the catalog already has movies');
    return { loaded: false, movies: 0, actors: 0, castings: 0 };
  }
  const movieIds = await createMovies(useCases);
  const actorIds = await createActors(useCases, now);
  const castings = await castActors(useCases, movieIds, actorIds);
  const roles = await loadDemoCasting(useCases, actorIds);
  log.info(`Demo data loaded: ${movieIds.size} movies, ${actorIds.size} actors, ${castings} castings, ${roles} roles with auditions`);
  return { loaded: true, movies: movieIds.size, actors: actorIds.size, castings };
}

/** One user per role, named after it, each with a fresh password shown once (it is stored only as a hash). */
async function createDemoUsers(useCases: UseCases, log: DemoDataLog, show: ShowSecret): Promise<void> {
  const createUser = useCases.createUser;
  const created: { username: string; password: string }[] = [];
  for (const role of ROLES) {
    const password = `${randomBytes(12).toString('base64url')}Aa1`; // the policy wants a digit and both cases
    try {
      await createUser.execute({ name: `Demo ${role.replace(/_/g, ' ')}`, username: role, password, role });
      created.push({ username: role, password });
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'USERNAME_TAKEN')) throw error;
    }
  }
  if (created.length === 0) return;
  const names = created.map((user) => user.username).join(', ');
  log.info(
    `Demo users created: ${names}; ${show ? 'their passwords are shown on the terminal' : 'their passwords are shown only on a terminal'}`,
  );
  const lines = created.map((user) => `  ${user.username.padEnd(20)} ${user.password}`);
  show?.(`Demo users (username = role), shown this once:\n${lines.join('\n')}`);
}

async function createMovies(useCases: UseCases): Promise<Map<string, number>> {
  const createMovie = useCases.createMovie;
  const ids = new Map<string, number>();
  for (const [title, releaseDate, director, genres, imdbScore] of DEMO_MOVIES) {
    const movie = await createMovie.execute({ title, releaseDate, director, genres: genres.split('|'), imdbScore });
    ids.set(title, movie.id);
  }
  return ids;
}

async function createActors(useCases: UseCases, now: Date): Promise<Map<string, number>> {
  const createActor = useCases.createActor;
  const ids = new Map<string, number>();
  for (const [name, gender, born] of DEMO_ACTORS) {
    const actor = await createActor.execute({ name, gender, age: ageOn(now, born) });
    ids.set(name, actor.id);
  }
  return ids;
}

async function castActors(useCases: UseCases, movieIds: Map<string, number>, actorIds: Map<string, number>): Promise<number> {
  const castActor = useCases.castActor;
  let count = 0;
  for (const [title, cast] of Object.entries(DEMO_CAST)) {
    for (const [index, [name, character]] of cast.entries()) {
      await castActor.execute({ movieId: idOf(movieIds, title), actorId: idOf(actorIds, name), character, billingOrder: index + 1 });
      count += 1;
    }
  }
  return count;
}

function idOf(ids: Map<string, number>, name: string): number {
  const id = ids.get(name);
  if (id === undefined) throw new Error(`demo catalog names "${name}" in a cast but does not define it`);
  return id;
}

/** Whole years between a YYYY-MM-DD birth date and `now` (UTC). */
export function ageOn(now: Date, born: string): number {
  const [year, month, day] = born.split('-').map(Number) as [number, number, number];
  const hadBirthday = now.getUTCMonth() + 1 > month || (now.getUTCMonth() + 1 === month && now.getUTCDate() >= day);
  return now.getUTCFullYear() - year - (hadBirthday ? 0 : 1);
}
