import type { MovieRecord } from '../../application/ports/import-source.ts';
import type { MovieInput } from '../../domain/movie.ts';
import { RecordFields } from './record-fields.ts';

/*
 * The file formats' field names live here, not in the core: a record of a file becomes a
 * MovieRecord in Marquee's fields. Two shapes (docs/architecture.md, "The HTTP contract"):
 *   IMDb:    name, 99popularity, imdb_score, genre (array or "a|b"), director
 *   Marquee: title, release_date, director, genres, popularity, imdb_score, shoot_start, shoot_end
 * A record is IMDb-shaped when it has `name` or `99popularity`. Errors name the field as the file
 * spells it (`/99popularity`, not `/popularity`). Fields an export adds (id, timestamps, version)
 * are ignored so an export can be imported again; others are errors.
 */

type FileNames = { readonly [Field in keyof MovieInput]-?: string | null };
type Reader<Field extends keyof MovieInput> = (read: RecordFields, name: string) => MovieInput[Field] | undefined;

/** Every Movie field and how a file's value is read: a field added to MovieInput fails `tsc` here until it is mapped. */
const READERS: { readonly [Field in keyof MovieInput]-?: Reader<Field> } = {
  title: (read, name) => read.string(name, true) ?? undefined,
  releaseDate: (read, name) => read.string(name),
  director: (read, name) => read.string(name),
  genres: (read, name) => read.genres(name),
  popularity: (read, name) => read.number(name),
  imdbScore: (read, name) => read.number(name),
  shootStart: (read, name) => read.string(name),
  shootEnd: (read, name) => read.string(name),
};

/** Marquee's own shape (the wire's names): what the import reads, and what the export writes between id and the timestamps. */
const MARQUEE_NAMES = {
  title: 'title',
  releaseDate: 'release_date',
  director: 'director',
  genres: 'genres',
  popularity: 'popularity',
  imdbScore: 'imdb_score',
  shootStart: 'shoot_start',
  shootEnd: 'shoot_end',
} as const satisfies FileNames;
export const MARQUEE_FIELDS: string[] = Object.values(MARQUEE_NAMES);

/** The IMDb data set's shape; null where it has no such field. */
const IMDB_NAMES = {
  title: 'name',
  releaseDate: null,
  director: 'director',
  genres: 'genre',
  popularity: '99popularity',
  imdbScore: 'imdb_score',
  shootStart: null,
  shootEnd: null,
} as const satisfies FileNames;

const EXPORT_FIELDS = ['id', 'created_at', 'updated_at', 'version'];
const FIELDS = Object.keys(READERS) as (keyof MovieInput)[];
const IMDB_PATHS = new Map(FIELDS.filter((f) => IMDB_NAMES[f] !== null).map((f) => [`/${MARQUEE_NAMES[f]}`, `/${IMDB_NAMES[f]}`]));
const asFileSpellsIt = { imdb: (path: string) => IMDB_PATHS.get(path) ?? path, marquee: (path: string) => path };

/** A record of an import file → Marquee's fields, or every problem found in reading it. */
export function readMovieRecord(record: unknown): MovieRecord {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { problems: [{ path: '', message: 'a record must be an object' }] };
  }
  const fields = record as Record<string, unknown>;
  const imdb = 'name' in fields || '99popularity' in fields;
  const names: FileNames = imdb ? IMDB_NAMES : MARQUEE_NAMES;
  const read = new RecordFields(fields);
  const unknown = Object.keys(fields)
    .filter((field) => !FIELDS.some((f) => names[f] === field) && !EXPORT_FIELDS.includes(field))
    .map((field) => ({ path: `/${field}`, message: `unknown field ${field}` }));
  const input = movieInput(read, names);
  const problems = [...unknown, ...read.problems];
  if (problems.length > 0 || input === null) return { problems };
  return { fields: input, pathInFile: imdb ? asFileSpellsIt.imdb : asFileSpellsIt.marquee };
}

function movieInput(read: RecordFields, names: FileNames): MovieInput | null {
  const value = <Field extends keyof MovieInput>(field: Field, reader: Reader<Field>) => {
    const name = names[field];
    return name === null ? undefined : reader(read, name);
  };
  const title = value('title', READERS.title);
  if (typeof title !== 'string') return null;
  const rest: { [Field in Exclude<keyof MovieInput, 'title'>]-?: MovieInput[Field] | undefined } = {
    releaseDate: value('releaseDate', READERS.releaseDate),
    director: value('director', READERS.director),
    genres: value('genres', READERS.genres),
    popularity: value('popularity', READERS.popularity),
    imdbScore: value('imdbScore', READERS.imdbScore),
    shootStart: value('shootStart', READERS.shootStart),
    shootEnd: value('shootEnd', READERS.shootEnd),
  };
  return { title, ...rest };
}

/** The records of a parsed file as MovieRecords, for RunImport. */
export async function* movieRecords(records: AsyncIterable<unknown>): AsyncGenerator<MovieRecord> {
  for await (const record of records) yield readMovieRecord(record);
}
