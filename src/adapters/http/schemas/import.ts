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

const RECORD_SHAPES =
  "Records in the IMDb shape (name, 99popularity, imdb_score, genre, director) or Marquee's (title, release_date, " +
  'director, genres, popularity, imdb_score; id, created_at, updated_at and version of an export are ignored).';

/**
 * Documentation only: the route reads the body itself, as a stream, so no part of this is
 * validated up front (see the import routes). One entry per accepted media type.
 */
export const ImportBody = {
  content: {
    'multipart/form-data': {
      schema: Type.Object(
        {
          file: Type.String({
            format: 'binary',
            description: 'the file; its Content-Type or name (.json, .ndjson, .jsonl, .csv) tells the format',
          }),
        },
        { description: `exactly one part, the file \`file\`. ${RECORD_SHAPES}` },
      ),
    },
    'application/json': {
      schema: Type.Array(Type.Object({}, { additionalProperties: true }), {
        description: `the file itself: a JSON array of records. ${RECORD_SHAPES}`,
      }),
    },
    'application/x-ndjson': {
      schema: Type.String({
        description: `the file itself: one JSON record per line (also application/ndjson, application/jsonl). ${RECORD_SHAPES}`,
      }),
    },
    'text/csv': {
      schema: Type.String({
        description: `the file itself: a header row naming the fields, several genres in one cell separated by |. ${RECORD_SHAPES}`,
      }),
    },
  },
};

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
