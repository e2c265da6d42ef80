import { DomainError, type ErrorDetail } from '../../domain/errors.ts';
import { Movie, type MovieInput } from '../../domain/movie.ts';
import { RecordFields } from './record-fields.ts';

/*
 * Two record shapes are accepted (docs/architecture.md, "The HTTP contract"):
 *   IMDb:    name, 99popularity, imdb_score, genre (array or "a|b"), director
 *   Marquee: title, release_date, director, genres, popularity, imdb_score, shoot_start, shoot_end
 * A record is IMDb-shaped when it has `name` or `99popularity`. Errors name the field as
 * the file spells it (`/99popularity`, not `/popularity`). Fields an export adds (id,
 * timestamps, version) are ignored so an export can be imported again; others are errors.
 */
const IMDB_FIELDS = ['name', '99popularity', 'imdb_score', 'genre', 'director'];
/** Marquee's own shape: what the import reads, and what the export writes between id and the timestamps. */
export const MARQUEE_FIELDS = ['title', 'release_date', 'director', 'genres', 'popularity', 'imdb_score', 'shoot_start', 'shoot_end'];
const EXPORT_FIELDS = ['id', 'created_at', 'updated_at', 'version'];
const IMDB_PATHS: Record<string, string> = { '/title': '/name', '/popularity': '/99popularity', '/genres': '/genre' };

export type MappedRecord = { movie: Movie } | { problems: ErrorDetail[] };

/** A record of an import file → a validated Movie, or every problem of the row. */
export function mapMovieRecord(record: unknown, now: Date): MappedRecord {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { problems: [{ path: '', message: 'a record must be an object' }] };
  }
  const fields = record as Record<string, unknown>;
  const imdb = 'name' in fields || '99popularity' in fields;
  const unknown = unknownFields(fields, imdb ? IMDB_FIELDS : MARQUEE_FIELDS);
  const read = new RecordFields(fields);
  const input = imdb ? imdbInput(read) : marqueeInput(read);
  const problems = [...unknown, ...read.problems];
  if (problems.length > 0 || input === null) return { problems };
  return create(input, now, imdb);
}

function unknownFields(record: Record<string, unknown>, allowed: string[]): ErrorDetail[] {
  return Object.keys(record)
    .filter((field) => !allowed.includes(field) && !EXPORT_FIELDS.includes(field))
    .map((field) => ({ path: `/${field}`, message: `unknown field ${field}` }));
}

function imdbInput(read: RecordFields): MovieInput | null {
  const title = read.string('name', true);
  const input = {
    director: read.string('director'),
    genres: read.genres('genre'),
    popularity: read.number('99popularity'),
    imdbScore: read.number('imdb_score'),
  };
  return typeof title === 'string' ? { title, ...input } : null;
}

function marqueeInput(read: RecordFields): MovieInput | null {
  const title = read.string('title', true);
  const input = {
    releaseDate: read.string('release_date'),
    director: read.string('director'),
    genres: read.genres('genres'),
    popularity: read.number('popularity'),
    imdbScore: read.number('imdb_score'),
    shootStart: read.string('shoot_start'),
    shootEnd: read.string('shoot_end'),
  };
  return typeof title === 'string' ? { title, ...input } : null;
}

function create(input: MovieInput, now: Date, imdb: boolean): MappedRecord {
  try {
    return { movie: Movie.create(input, now) };
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'validation') throw error;
    const rename = (path: string) => (imdb ? (IMDB_PATHS[path] ?? path) : path);
    return { problems: error.details.map((d) => ({ path: rename(d.path), message: d.message })) };
  }
}
