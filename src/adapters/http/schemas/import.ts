import { Type } from 'typebox';
import { ErrorBody, Id, Nullable, Timestamp } from './common.ts';

export const ImportQuery = Type.Object(
  {
    mode: Type.Union([Type.Literal('atomic'), Type.Literal('partial')], {
      default: 'atomic',
      description: 'atomic: every row valid and stored, or nothing stored (422); partial: valid rows stored, the others reported',
    }),
    dry_run: Type.Boolean({ default: false, description: 'true: validate and count, store nothing' }),
  },
  { additionalProperties: false },
);

export const ImportIdParams = Type.Object({ id: Id('import id') }, { additionalProperties: false });

/** Documentation only: the route reads the body itself, as a stream (see import routes). */
export const ImportBody = Type.Object(
  { file: Type.String({ format: 'binary', description: 'the JSON array, NDJSON or CSV file (multipart field `file`)' }) },
  {
    description:
      'multipart/form-data with exactly one part, the file `file` (its type or name tells the format), or the file itself as ' +
      'the body with Content-Type application/json (array of records), application/x-ndjson or text/csv (header row; ' +
      'several genres in one cell separated by `|`). Records in the IMDb shape (name, 99popularity, imdb_score, genre, ' +
      "director) or Marquee's (title, release_date, director, genres, popularity, imdb_score; id, created_at, updated_at " +
      'and version of an export are ignored).',
  },
);

const RowError = Type.Object({
  row: Type.Integer({ description: '1-based record number (CSV: header excluded)' }),
  path: Type.String({ description: 'the field as the file names it, e.g. /imdb_score' }),
  message: Type.String(),
});

export const ImportReport = Type.Object(
  {
    received: Type.Integer(),
    inserted: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    failed: Type.Integer({ description: 'exact number of invalid rows' }),
    errors: Type.Array(RowError, { description: 'the first 100 row problems' }),
  },
  { description: 'received = inserted + updated + unchanged + failed; a dry run counts what would have happened' },
);

export const ImportJob = Type.Object({
  id: Type.Integer(),
  state: Type.Union([Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('failed')], {
    description: 'a running import whose progress stopped (its server died) is shown as failed',
  }),
  mode: Type.Union([Type.Literal('atomic'), Type.Literal('partial')]),
  dry_run: Type.Boolean(),
  report: ImportReport,
  failure: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  started_at: Timestamp,
  heartbeat_at: Timestamp,
  finished_at: Nullable(Timestamp),
});

export const ImportAnswer = Type.Object({ success: Type.Literal(true), import: ImportJob });

export const ImportRejected = Type.Object(
  { ...ErrorBody.properties, import: ImportJob },
  { description: 'atomic import with invalid rows: nothing was stored; `import.report` says which rows and why' },
);
