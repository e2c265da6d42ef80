import type { Actor } from '../../domain/actor.ts';
import type { ActorRepository } from '../ports/actor-repository.ts';
import type { MovieRepository } from '../ports/movie-repository.ts';
import type { Page, PageRequest, Position } from '../ports/paging.ts';
import { mergeRanked, positionAfter, type SearchPosition, type SearchResult } from './search-merge.ts';

export type { SearchPosition, SearchResult } from './search-merge.ts';

export interface SearchInput {
  q: string;
  /** From 1; page × limit within SEARCH_DEPTH (deeper: `after`). Not used when `after` is given. */
  page: number;
  limit: number;
  /** Actors are part of the answer only for callers who may read them (get:actors). */
  withActors: boolean;
  /** The page after this position (a previous page's `next`), at any depth. */
  after?: SearchPosition;
}

export interface SearchPage extends Omit<Page<SearchResult>, 'next'> {
  /** Where the next page starts, when results follow this page. */
  next?: SearchPosition;
}

/** How deep GET /search pages by number: page n reads the first n × limit of each kind. A cursor goes on from there. */
export const SEARCH_DEPTH = 1_000;

/**
 * Movies and actors for one query, best first (GET /search). Each repository ranks its own
 * kind; the two lists merge by search tier (domain/search-text.ts), a movie before an actor
 * of the same tier, each kind keeping its own order (movies by popularity). By number, page
 * n needs the first n × limit of each kind; after a position, the next `limit` of each kind
 * after its own position (search-merge.ts), whatever the depth.
 */
export class SearchCatalog {
  private readonly movies: MovieRepository;
  private readonly actors: ActorRepository;
  constructor(movies: MovieRepository, actors: ActorRepository) {
    this.movies = movies;
    this.actors = actors;
  }

  async execute(input: SearchInput): Promise<SearchPage> {
    const from = input.after ?? {};
    const skip = input.after ? 0 : (input.page - 1) * input.limit;
    const wanted = skip + input.limit;
    const request = (after?: Position): PageRequest<never> => ({ page: 1, limit: wanted, sort: [], ...(after ? { after } : {}) });
    const none: Page<Actor> = { items: [], total: 0, totalCapped: false };
    const [movies, actors] = await Promise.all([
      this.movies.list({ q: input.q }, request(from.movie)),
      input.withActors ? this.actors.list({ q: input.q }, request(from.actor)) : Promise.resolve(none),
    ]);
    const ranked = mergeRanked(input.q, movies.items, actors.items);
    const more = ranked.length > wanted || movies.next !== undefined || actors.next !== undefined;
    return {
      items: ranked.slice(skip, wanted).map((entry) => entry.result),
      total: movies.total + actors.total,
      totalCapped: movies.totalCapped || actors.totalCapped,
      ...(more ? { next: positionAfter(ranked.slice(0, wanted), from) } : {}),
    };
  }
}
