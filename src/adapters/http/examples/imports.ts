import type { ExamplesByOperation, OperationExamples } from './types.ts';

const THIEF = { title: 'Thief', director: 'Michael Mann', release_date: '1981-03-27', genres: ['Crime'], imdb_score: 7.3 };
const IMDB_ROW = { name: 'Heat', director: 'Michael Mann', genre: ['Crime', 'Drama'], '99popularity': 81, imdb_score: 8.3 };
const NO_ERRORS = { received: 2, inserted: 1, updated: 1, unchanged: 0, failed: 0, errors: [] };
const DONE = { bytes_read: 214, bytes_total: 214, rows_stored: 2, rows_per_second: 2, estimated_seconds_left: null };
const HALFWAY = {
  bytes_read: 52_428_800,
  bytes_total: 104_857_600,
  rows_stored: 250_000,
  rows_per_second: 41_000,
  estimated_seconds_left: 6,
};
const STARTED = { started_at: '2026-02-03T14:00:00.000Z', heartbeat_at: '2026-02-03T14:00:01.200Z' };
const SUCCEEDED = {
  id: 17,
  state: 'succeeded',
  mode: 'atomic',
  dry_run: false,
  report: NO_ERRORS,
  progress: DONE,
  failure: null,
  ...STARTED,
  finished_at: '2026-02-03T14:00:01.200Z',
};
const RUNNING = {
  ...SUCCEEDED,
  state: 'running',
  report: { ...NO_ERRORS, received: 250_000, inserted: 250_000, updated: 0 },
  progress: HALFWAY,
  finished_at: null,
};
const ROW_ERROR = { row: 2, path: '/imdb_score', message: 'imdb_score must be between 0 and 10' };
const REJECTED_MESSAGE = '1 of 2 rows are invalid; nothing was stored';
const REJECTED = {
  success: false,
  error: 422,
  message: REJECTED_MESSAGE,
  code: 'IMPORT_REJECTED',
  details: [{ path: '/rows/2/imdb_score', message: ROW_ERROR.message }],
  import: {
    ...SUCCEEDED,
    state: 'failed',
    report: { received: 2, inserted: 1, updated: 0, unchanged: 0, failed: 1, errors: [ROW_ERROR] },
    failure: { code: 'IMPORT_REJECTED', message: REJECTED_MESSAGE },
  },
};

const UPLOAD: OperationExamples = {
  requestMedia: {
    'multipart/form-data': { file: 'movies.ndjson' },
    'application/json': [THIEF, IMDB_ROW],
    'application/x-ndjson': `${JSON.stringify(THIEF)}\n${JSON.stringify(IMDB_ROW)}\n`,
    'text/csv':
      'title,director,release_date,genres,imdb_score\nThief,Michael Mann,1981-03-27,Crime,7.3\nHeat,Michael Mann,1995-12-15,Crime|Drama,8.3\n',
  },
  responses: { 200: { success: true, import: SUCCEEDED }, 202: { success: true, import: RUNNING }, 422: REJECTED },
};

/** Imports of movie files, their jobs, and the catalog-API upload alias. */
export const IMPORT_EXAMPLES: ExamplesByOperation = {
  importMovies: UPLOAD,
  importMoviesCatalogApi: UPLOAD,
  listImports: {
    responses: { 200: { success: true, imports: [SUCCEEDED], page: 1, limit: 20, total: 1, total_pages: 1, total_capped: false } },
  },
  getImport: { responses: { 200: { success: true, import: SUCCEEDED } } },
};
