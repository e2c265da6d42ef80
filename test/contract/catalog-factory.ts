import { Actor, type ActorInput } from '../../src/domain/actor.ts';
import { Movie, type MovieInput } from '../../src/domain/movie.ts';
import type { Repositories } from '../../src/infrastructure/container.ts';

/**
 * Gives each contract test an empty catalog. `countCap` lowers TOTAL_COUNT_CAP so the
 * capped total can be checked with a handful of rows; every adapter takes it the same way.
 */
export type CatalogFactory = (options?: { countCap?: number }) => Promise<Pick<Repositories, 'movies' | 'actors' | 'castings'>>;

let clock = Date.parse('2024-01-01T00:00:00.000Z');
/** Distinct, increasing creation times, with milliseconds, so round trips are checked exactly. */
export const nextInstant = (): Date => new Date((clock += 1_001));

export const newMovie = (input: Partial<MovieInput> & { title: string }): Movie => Movie.create(input, nextInstant());
export const newActor = (input: Partial<ActorInput> & { name: string }): Actor =>
  Actor.create({ age: 40, gender: 'female', ...input }, nextInstant());

export const firstPage = { page: 1, limit: 100, sort: [] };
