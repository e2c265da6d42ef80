import { randomBytes } from 'node:crypto';
import type { DependencyContainer } from 'tsyringe';
import { CreateActor } from '../application/actors/create-actor.ts';
import { CastActor } from '../application/castings/cast-actor.ts';
import { CreateMovie } from '../application/movies/create-movie.ts';
import { ListMovies } from '../application/movies/list-movies.ts';
import { CreateUser } from '../application/users/create-user.ts';
import { DomainError } from '../domain/errors.ts';
import { ROLES } from '../domain/permissions.ts';
import { DEMO_ACTORS, DEMO_CAST, DEMO_MOVIES } from './demo-catalog.ts';
import { loadDemoCasting } from './demo-casting.ts';

export interface DemoDataLog {
  info(message: string): void;
}

export interface DemoDataResult {
  loaded: boolean;
  movies: number;
  actors: number;
  castings: number;
}

/**
 * DEMO_DATA=true: loads the sample catalog through the use cases, so every rule applies to it
 * as to client input. Runs once: when the catalog already has a movie, it changes nothing.
 */
export async function loadDemoData(container: DependencyContainer, log: DemoDataLog, now = new Date()): Promise<DemoDataResult> {
  const existing = await container.resolve(ListMovies).execute({ filter: {}, page: { page: 1, limit: 1, sort: [] } });
  if (existing.total > 0) {
    log.info('Demo data skipped: the catalog already has movies');
    return { loaded: false, movies: 0, actors: 0, castings: 0 };
  }
  const movieIds = await createMovies(container);
  const actorIds = await createActors(container, now);
  const castings = await castActors(container, movieIds, actorIds);
  const roles = await loadDemoCasting(container, actorIds);
  await createDemoUsers(container, log);
  log.info(`Demo data loaded: ${movieIds.size} movies, ${actorIds.size} actors, ${castings} castings, ${roles} roles with auditions`);
  return { loaded: true, movies: movieIds.size, actors: actorIds.size, castings };
}

/** One user per role, named after it, with a fresh password printed once (it is stored only as a hash). */
async function createDemoUsers(container: DependencyContainer, log: DemoDataLog): Promise<void> {
  const createUser = container.resolve(CreateUser);
  for (const role of ROLES) {
    const password = `${randomBytes(12).toString('base64url')}Aa1`; // the policy wants a digit and both cases
    try {
      await createUser.execute({ name: `Demo ${role.replace(/_/g, ' ')}`, username: role, password, role });
      log.info(`Demo user ${role} (role ${role}) password: ${password}`);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'USERNAME_TAKEN')) throw error;
      log.info(`Demo user ${role} already exists; its password is unchanged`);
    }
  }
}

async function createMovies(container: DependencyContainer): Promise<Map<string, number>> {
  const createMovie = container.resolve(CreateMovie);
  const ids = new Map<string, number>();
  for (const [title, releaseDate, director, genres, imdbScore] of DEMO_MOVIES) {
    const movie = await createMovie.execute({ title, releaseDate, director, genres: genres.split('|'), imdbScore });
    ids.set(title, movie.id);
  }
  return ids;
}

async function createActors(container: DependencyContainer, now: Date): Promise<Map<string, number>> {
  const createActor = container.resolve(CreateActor);
  const ids = new Map<string, number>();
  for (const [name, gender, born] of DEMO_ACTORS) {
    const actor = await createActor.execute({ name, gender, age: ageOn(now, born) });
    ids.set(name, actor.id);
  }
  return ids;
}

async function castActors(container: DependencyContainer, movieIds: Map<string, number>, actorIds: Map<string, number>): Promise<number> {
  const castActor = container.resolve(CastActor);
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
