import type { GenreCount, MovieFilter, MovieRepository, MovieSortField } from '../../../application/ports/movie-repository.ts';
import type { Page, PageRequest, SortKey } from '../../../application/ports/paging.ts';
import { conflict } from '../../../domain/errors.ts';
import { Movie } from '../../../domain/movie.ts';
import { searchTier } from '../../../domain/search-text.ts';
import { inRange, keysetPageOf } from './in-memory-paging.ts';
import { textMatches } from './in-memory-search.ts';
import { InMemoryStore } from './in-memory-store.ts';

const lower = (values: readonly string[]) => values.map((v) => v.toLowerCase());

export class InMemoryMovieRepository implements MovieRepository {
  private readonly store: InMemoryStore;
  private readonly countCap: number | undefined;
  constructor(store: InMemoryStore, countCap?: number) {
    this.store = store;
    this.countCap = countCap;
  }

  async findById(id: number): Promise<Movie | null> {
    return this.store.movies.get(id) ?? null;
  }

  async list(filter: MovieFilter, page: PageRequest<MovieSortField>): Promise<Page<Movie>> {
    const matches = [...this.store.movies.values()].filter((movie) => this.matches(movie, filter));
    const { sort, valueOf } = ordered(matches, filter, page);
    return keysetPageOf(matches, { ...page, sort }, valueOf, this.countCap);
  }

  async insert(movie: Movie): Promise<Movie> {
    this.assertUniqueKey(movie);
    const saved = Movie.restore({ ...movie, id: this.store.nextId() });
    this.store.movies.set(saved.id, saved);
    return saved;
  }

  async update(movie: Movie, expectedVersion: number): Promise<boolean> {
    if (this.store.movies.get(movie.id)?.version !== expectedVersion) return false;
    this.assertUniqueKey(movie);
    this.store.movies.set(movie.id, movie);
    return true;
  }

  async delete(id: number, expectedVersion?: number): Promise<boolean> {
    const movie = this.store.movies.get(id);
    if (!movie || (expectedVersion !== undefined && movie.version !== expectedVersion)) return false;
    this.store.movies.delete(id);
    this.store.removeCastingsWhere((casting) => casting.movieId === id);
    this.store.removeRolesWhere((role) => role.movieId === id);
    return true;
  }

  async genres(): Promise<GenreCount[]> {
    const counts = new Map<string, GenreCount>();
    for (const movie of this.store.movies.values()) {
      for (const genre of movie.genres) {
        const entry = counts.get(genre.toLowerCase()) ?? { name: genre, movies: 0 };
        entry.movies++;
        counts.set(genre.toLowerCase(), entry);
      }
    }
    return [...counts.values()].sort((a, b) => b.movies - a.movies || a.name.localeCompare(b.name));
  }

  private assertUniqueKey(movie: Movie): void {
    for (const other of this.store.movies.values()) {
      if (other.id !== movie.id && other.naturalKey() === movie.naturalKey()) {
        throw conflict('MOVIE_CONFLICT', 'a movie with this title, director and release date exists');
      }
    }
  }

  private matches(movie: Movie, filter: MovieFilter): boolean {
    const genres = lower(movie.genres);
    return (
      (filter.q === undefined || textMatches(filter.q, [movie.title, movie.director])) &&
      (filter.director === undefined || movie.director?.toLowerCase() === filter.director.toLowerCase()) &&
      (filter.genresAll ?? []).every((g) => genres.includes(g.toLowerCase())) &&
      (filter.genresAny === undefined || filter.genresAny.some((g) => genres.includes(g.toLowerCase()))) &&
      inRange(movie.imdbScore, filter.imdbScore) &&
      inRange(movie.popularity, filter.popularity) &&
      inRange(movie.releaseDate, filter.releaseDate) &&
      (filter.idAfter === undefined || movie.id > filter.idAfter) &&
      (filter.actorId === undefined || this.store.castings.has(InMemoryStore.castingKey(movie.id, filter.actorId)))
    );
  }
}

/** The client's sort, or with `q` and no sort: search tier, then popularity (descending), then id, as the SQL adapter. */
/** The client's sort, or with `q` and no sort: search tier, then popularity, as the SQL adapter; keysetPageOf adds id last. */
function ordered(movies: Movie[], filter: MovieFilter, page: PageRequest<MovieSortField>) {
  const q = filter.q;
  if (q === undefined || page.sort.length > 0) return { sort: page.sort as SortKey<MovieOrderField>[], valueOf: rankedValue(new Map()) };
  const tiers = new Map(movies.map((movie) => [movie.id, searchTier(q, movie.title, [movie.director])]));
  const sort: SortKey<MovieOrderField>[] = [
    { field: 'relevance', direction: 'asc' },
    { field: 'popularity', direction: 'desc' },
  ];
  return { sort, valueOf: rankedValue(tiers) };
}

type MovieOrderField = MovieSortField | 'relevance';

const rankedValue = (tiers: Map<number, number>) => (movie: Movie, field: MovieOrderField) =>
  field === 'relevance' ? (tiers.get(movie.id) ?? 0) : sortValue(movie, field);

function sortValue(movie: Movie, field: MovieSortField): string | number | Date | null {
  const values: Record<MovieSortField, string | number | Date | null> = {
    title: movie.title,
    release_date: movie.releaseDate,
    imdb_score: movie.imdbScore,
    popularity: movie.popularity,
    director: movie.director,
    created_at: movie.createdAt,
    id: movie.id,
  };
  return values[field];
}
