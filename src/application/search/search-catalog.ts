import type { Actor } from '../../domain/actor.ts';
import type { Movie } from '../../domain/movie.ts';
import { searchTier } from '../../domain/search-text.ts';
import type { ActorRepository } from '../ports/actor-repository.ts';
import type { MovieRepository } from '../ports/movie-repository.ts';
import type { Page } from '../ports/paging.ts';

export type SearchResult = { kind: 'movie'; movie: Movie } | { kind: 'actor'; actor: Actor };

export interface SearchInput {
  q: string;
  page: number;
  limit: number;
  /** Actors are part of the answer only for callers who may read them (get:actors). */
  withActors: boolean;
}

/** The deepest result GET /search pages to: each kind is read up to here, then merged. */
export const SEARCH_DEPTH = 1_000;

/**
 * Movies and actors for one query, best first (GET /search). Each repository ranks its own
 * kind; the two lists merge by search tier (domain/search-text.ts), a movie before an actor
 * of the same tier, each kind keeping its own order (movies by popularity). A page n needs
 * the first n × limit of each kind, so the depth is bounded (SEARCH_DEPTH).
 */
export class SearchCatalog {
  private readonly movies: MovieRepository;
  private readonly actors: ActorRepository;
  constructor(movies: MovieRepository, actors: ActorRepository) {
    this.movies = movies;
    this.actors = actors;
  }

  async execute(input: SearchInput): Promise<Page<SearchResult>> {
    const top = { page: 1, limit: Math.min(input.page * input.limit, SEARCH_DEPTH), sort: [] };
    const none: Page<Actor> = { items: [], total: 0, totalCapped: false };
    const [movies, actors] = await Promise.all([
      this.movies.list({ q: input.q }, top),
      input.withActors ? this.actors.list({ q: input.q }, top) : Promise.resolve(none),
    ]);
    const ranked = [
      ...movies.items.map((movie, order) => ({
        tier: searchTier(input.q, movie.title, [movie.director]),
        kind: 0,
        order,
        result: { kind: 'movie' as const, movie },
      })),
      ...actors.items.map((actor, order) => ({
        tier: searchTier(input.q, actor.name),
        kind: 1,
        order,
        result: { kind: 'actor' as const, actor },
      })),
    ].sort((a, b) => a.tier - b.tier || a.kind - b.kind || a.order - b.order);
    const start = (input.page - 1) * input.limit;
    return {
      items: ranked.slice(start, start + input.limit).map((entry) => entry.result),
      total: movies.total + actors.total,
      totalCapped: movies.totalCapped || actors.totalCapped,
    };
  }
}
