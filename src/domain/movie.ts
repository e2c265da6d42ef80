import { isIsoDate } from './dates.ts';
import { isStorableText, STORABLE_TEXT_RULE } from './text.ts';
import { normalizeGenres } from './genres.ts';
import { Rules } from './rules.ts';
import { withoutUndefined } from './without-undefined.ts';
import { checkShootWindow, shootWindowOf, type ShootWindow } from './shoot-window.ts';

/** What a client may set on a movie; every field but the title is optional. */
export interface MovieInput {
  title: string;
  releaseDate?: string | null;
  director?: string | null;
  genres?: readonly string[];
  popularity?: number | null;
  imdbScore?: number | null;
  shootStart?: string | null;
  shootEnd?: string | null;
}

export type MoviePatch = Partial<MovieInput>;

export interface MovieProps {
  id: number;
  title: string;
  releaseDate: string | null;
  director: string | null;
  genres: string[];
  popularity: number | null;
  imdbScore: number | null;
  /** The shoot window (casting workflow); stored movies without one may omit both. */
  shootStart?: string | null;
  shootEnd?: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** A movie of the catalog. Unsaved movies have id 0; the repository assigns the real one. */
export class Movie implements MovieProps {
  readonly id!: number;
  readonly title!: string;
  readonly releaseDate!: string | null;
  readonly director!: string | null;
  readonly genres!: string[];
  readonly popularity!: number | null;
  readonly imdbScore!: number | null;
  readonly shootStart!: string | null;
  readonly shootEnd!: string | null;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;
  readonly version!: number;

  private constructor(props: MovieProps) {
    Object.assign(this, { shootStart: null, shootEnd: null }, props);
  }

  static create(input: MovieInput, now: Date): Movie {
    const fields = validMovieFields(input);
    return new Movie({ id: 0, ...fields, createdAt: now, updatedAt: now, version: 1 });
  }

  /** Rebuilds a stored movie; stored rows already passed the rules. */
  static restore(props: MovieProps): Movie {
    return new Movie(props);
  }

  /** The same movie with the patch applied, re-validated, one version further. */
  withChanges(patch: MoviePatch, now: Date): Movie {
    const fields = validMovieFields({ ...this, ...withoutUndefined(patch) });
    return new Movie({ ...this, ...fields, updatedAt: now, version: this.version + 1 });
  }

  /** When the movie shoots; null until both dates are known. */
  shootWindow(): ShootWindow | null {
    return shootWindowOf(this.shootStart, this.shootEnd);
  }

  /** The natural key, compared ignoring case: title + director + release date. */
  naturalKey(): string {
    return [this.title, this.director ?? '', this.releaseDate ?? ''].join('\u0000').toLowerCase();
  }
}

function validMovieFields(input: MovieInput) {
  const title = input.title.trim();
  const director = input.director?.trim() || null;
  const rules = new Rules()
    .text(title, '/title', 1, 200)
    .text(director, '/director', 1, 200)
    .check(
      input.releaseDate == null || isIsoDate(input.releaseDate),
      '/release_date',
      'release_date must be a date written YYYY-MM-DD, year 1–9999',
    )
    .range(input.popularity, '/popularity', 0, 100)
    .range(input.imdbScore, '/imdb_score', 0, 10)
    .check(
      (input.genres ?? []).every((g) => g.trim().length <= 64),
      '/genres',
      'each genre must be at most 64 characters',
    )
    .check((input.genres ?? []).every(isStorableText), '/genres', `genres ${STORABLE_TEXT_RULE}`);
  checkShootWindow(rules, input.shootStart, input.shootEnd).enforce();
  return {
    title,
    director,
    releaseDate: input.releaseDate ?? null,
    genres: normalizeGenres(input.genres ?? []),
    popularity: input.popularity ?? null,
    imdbScore: input.imdbScore ?? null,
    shootStart: input.shootStart ?? null,
    shootEnd: input.shootEnd ?? null,
  };
}
