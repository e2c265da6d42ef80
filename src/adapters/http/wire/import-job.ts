import { Type, type Static } from 'typebox';
import { type ImportJob as DomainImportJob, progressOf } from '../../../domain/import-job.ts';
import { ErrorBody, Id, Nullable, PagingFields, PagingQuery, Timestamp } from './common.ts';

/** The wire module of import jobs: their schemas and view. */
export const ImportIdParams = Type.Object({ id: Id('import id') }, { additionalProperties: false });

export const ImportWaitQuery = Type.Object(
  {
    wait: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 30,
        default: 0,
        description: 'seconds to wait while the import is running: the answer comes when it ends or the wait is up',
      }),
    ),
  },
  { additionalProperties: false },
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
  {
    description:
      'received = inserted + updated + unchanged + failed; a dry run and a rejected atomic import (422) store nothing and count what would have been stored',
  },
);

const ImportState = Type.Union([Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('failed')], {
  description: 'a running import whose progress stopped (its server died) is shown as failed',
});

const ImportProgress = Type.Object(
  {
    bytes_read: Type.Integer({ description: 'bytes of the upload read so far' }),
    bytes_total: Nullable(
      Type.Integer({
        description: "the upload's size when it was known at the start (Content-Length; multipart: the whole body's), else null",
      }),
    ),
    rows_stored: Type.Integer({
      description: "rows written so far (inserted + updated + unchanged): inside the import's transaction until it commits at the end",
    }),
    rows_per_second: Nullable(
      Type.Integer({ description: 'rows received per second from the start to heartbeat_at; null before the first report' }),
    ),
    estimated_seconds_left: Nullable(
      Type.Integer({
        description: 'while running with a known size: the bytes left at the rate so far, as of heartbeat_at; null otherwise',
      }),
    ),
  },
  { description: "the import's progress, as of heartbeat_at: every instance answers the same" },
);

export const ImportJob = Type.Object({
  id: Type.Integer(),
  state: ImportState,
  mode: Type.Union([Type.Literal('atomic'), Type.Literal('partial')]),
  dry_run: Type.Boolean(),
  report: ImportReport,
  progress: ImportProgress,
  failure: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  started_at: Timestamp,
  heartbeat_at: Timestamp,
  finished_at: Nullable(Timestamp),
});

export const ImportAnswer = Type.Object({ success: Type.Literal(true), import: ImportJob });

export const ImportAccepted = Type.Object(
  { success: Type.Literal(true), import: ImportJob },
  {
    description:
      'Prefer: respond-async: the import exists and runs (state running); the upload is still read in this request. ' +
      'Location names the job: poll it, or GET it with ?wait=30 to be answered when it ends. Preference-Applied: respond-async.',
  },
);

export const ImportRejected = Type.Object(
  { ...ErrorBody.properties, import: ImportJob },
  { description: 'atomic import with invalid rows: nothing was stored; `import.report` says which rows and why' },
);

export const ImportListQuery = Type.Object({ ...PagingQuery, state: Type.Optional(ImportState) }, { additionalProperties: false });

export const ImportList = Type.Object({ success: Type.Literal(true), imports: Type.Array(ImportJob), ...PagingFields });

export function importJobView(job: DomainImportJob): Static<typeof ImportJob> {
  return {
    id: job.id,
    state: job.state,
    mode: job.mode,
    dry_run: job.dryRun,
    report: job.report,
    progress: progressView(job),
    failure: job.failure,
    started_at: job.startedAt.toISOString(),
    heartbeat_at: job.heartbeatAt.toISOString(),
    finished_at: job.finishedAt?.toISOString() ?? null,
  };
}

function progressView(job: DomainImportJob): Static<typeof ImportProgress> {
  const { rowsStored, rowsPerSecond, secondsLeft } = progressOf(job);
  const sizes = { bytes_read: job.bytesRead, bytes_total: job.bytesTotal };
  return { ...sizes, rows_stored: rowsStored, rows_per_second: rowsPerSecond, estimated_seconds_left: secondsLeft };
}
