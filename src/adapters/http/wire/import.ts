import { type Static, Type } from 'typebox';

/** What an import does when the query leaves an option out: Ajv fills these in, and `importSettingsOf` says so to the types. */
const IMPORT_DEFAULTS = { mode: 'atomic', dry_run: false } as const;

export const ImportQuery = Type.Object(
  {
    // Optional in the document (clients may leave them out); Ajv fills in the defaults.
    mode: Type.Optional(
      Type.Union([Type.Literal('atomic'), Type.Literal('partial')], {
        default: IMPORT_DEFAULTS.mode,
        description: 'atomic: every row valid and stored, or nothing stored (422); partial: valid rows stored, the others reported',
      }),
    ),
    dry_run: Type.Optional(Type.Boolean({ default: IMPORT_DEFAULTS.dry_run, description: 'true: validate and count, store nothing' })),
  },
  { additionalProperties: false },
);

export type ImportQuery = Static<typeof ImportQuery>;

/** The import's settings from its validated query: the defaults are the schema's own. */
export function importSettingsOf(query: ImportQuery) {
  return { mode: query.mode ?? IMPORT_DEFAULTS.mode, dryRun: query.dry_run ?? IMPORT_DEFAULTS.dry_run };
}

const RECORD_SHAPES =
  "Records in the IMDb shape (name, 99popularity, imdb_score, genre, director) or Marquee's (title, release_date, " +
  'director, genres, popularity, imdb_score, shoot_start, shoot_end; id, created_at, updated_at and version of an export ' +
  'are ignored). A row for a stored movie (same title, director and release date) replaces the fields an import sets: ' +
  'one the row leaves out becomes null (genres empty), except the shoot window: a row without one keeps the stored window.';

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

export const IMPORT_DESCRIPTION = `
One file — multipart field \`file\`, or the raw body — as a JSON array, NDJSON or CSV, told apart by
Content-Type or file name. Parsed as a stream. \`mode=atomic\` (default): every row valid and stored, or
nothing stored and a 422 carrying the report; \`mode=partial\`: valid rows stored, the others reported;
\`dry_run=true\`: counts only. A row whose title + director + release date (ignoring case) exists
updates that movie; an identical row counts as unchanged. 200 answers the finished import
(\`import.report\`: received, inserted, updated, unchanged, failed, errors[] capped at 100) with
\`Location: /movies/import/{id}\`. With \`Prefer: respond-async\` the answer is a 202 as soon as the import exists (its
job, state running, and the same Location), and the upload is still read in this request: follow the job with
GET /movies/import/{id}?wait=30. The upload is not cut by REQUEST_TIMEOUT_MS: it may take as long as bytes
keep arriving; no byte for IMPORT_IDLE_TIMEOUT_MS (30 s): 408 \`IMPORT_STALLED\`. Over IMPORT_MAX_BYTES (as
soon as it is passed, or at once for a larger Content-Length) or IMPORT_MAX_ROWS: 413; unknown format or
bytes that are not UTF-8 text: 415; broken JSON/NDJSON/CSV: 400 naming line and column; no file, a
second file or another part: 400. Nothing is stored in any of these cases. An import still running when
the service shuts down gets SHUTDOWN_TIMEOUT_MS less 3 s to finish, then rolls back and answers 503
\`IMPORT_INTERRUPTED\` with Retry-After: send it again.
`.trim();
