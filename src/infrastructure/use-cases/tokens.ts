import type { InjectionToken } from 'tsyringe';
import type { Ports } from './ports.ts';

/** A unique token that carries the type of what it resolves to, so `resolve` is typed by it. */
export function token<T>(name: string): InjectionToken<T> {
  return Symbol(name);
}

/** One token per port: `c.resolve(Tokens.movies)` is a MovieRepository, and nothing else. */
export const Tokens: { readonly [K in keyof Ports]: InjectionToken<Ports[K]> } = {
  movies: token('movies'),
  actors: token('actors'),
  castings: token('castings'),
  users: token('users'),
  sessions: token('sessions'),
  movieImports: token('movieImports'),
  importJobs: token('importJobs'),
  roles: token('roles'),
  auditions: token('auditions'),
  castingDesk: token('castingDesk'),
  availability: token('availability'),
  hasher: token('hasher'),
  tokens: token('tokens'),
  external: token('external'),
  clock: token('clock'),
  random: token('random'),
  settings: token('settings'),
  importSettings: token('importSettings'),
};
