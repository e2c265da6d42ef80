import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GetImportJob } from '../../../application/imports/get-import-job.ts';
import type { RunImport, RunImportResult } from '../../../application/imports/run-import.ts';
import { ImportRejectedError } from '../../../domain/import-errors.ts';
import type { ImportReport } from '../../../domain/import-report.ts';
import { envelope } from '../error-handler.ts';
import type { ImportMetrics, ImportTracker } from '../import-metrics.ts';
import { type ImportQuery, importSettingsOf } from '../wire/import.ts';
import { importJobView } from '../wire/import-job.ts';
import { answerAccepted, continueInBackground, prefersAsync } from './import-async.ts';
import { type ImportLimits, uploadOf } from './import-upload.ts';

/** The use cases an import calls. */
export interface ImportUseCases {
  runImport: RunImport;
  getImportJob: GetImportJob;
}

interface Settings {
  mode: 'atomic' | 'partial';
  dryRun: boolean;
}

/**
 * POST /movies/import: reads the upload as a stream into one import job, answering when it ends,
 * or with 202 once the job exists under `Prefer: respond-async`. `shutdown` aborts on SIGTERM
 * when the grace period runs short: the import then rolls back and answers 503.
 */
export function importHandler(useCases: ImportUseCases, limits: ImportLimits, shutdown?: AbortSignal) {
  return async (request: FastifyRequest<{ Querystring: ImportQuery }>, reply: FastifyReply) => {
    const settings = importSettingsOf(request.query);
    const { records, meter } = await uploadOf(request, limits).catch((error: unknown) => {
      throw closed(request, reply, limits, error);
    });
    const tracker = request.server.metrics.imports.track();
    let jobId = 0;
    let announce = (_id: number) => {};
    const jobStarted = new Promise<number>((resolve) => (announce = resolve));
    const started = (id: number) => void ((jobId = id), reply.header('location', `/movies/import/${id}`), announce(id));
    const progressed = (counts: { received: number }) => tracker.progressed(counts.received);
    const running = useCases.runImport.execute({ records, ...settings, signal: shutdown, started, upload: meter, progressed });
    const importing = recorded(running, recorder(request.server.metrics.imports, tracker, settings), () => jobId !== 0);
    if (prefersAsync(request)) {
      await Promise.race([jobStarted, importing]); // a job that could not be registered throws here
      continueInBackground(request, importing);
      return answerAccepted(reply, importJobView(await useCases.getImportJob.execute({ id: jobId })));
    }
    try {
      await importing;
    } catch (error) {
      if (jobId === 0) throw error; // no job was registered (database away): nothing imported, nothing to count
      if (!(error instanceof ImportRejectedError)) throw closed(request, reply, limits, error);
      const job = importJobView(await useCases.getImportJob.execute({ id: jobId }));
      return reply.code(422).send({ ...envelope(422, error.code, error.message, error.details), import: job });
    }
    const job = await useCases.getImportJob.execute({ id: jobId });
    return { success: true as const, import: importJobView(job) };
  };
}

/** Up to this much of a refused upload is read and dropped rather than cut off. */
const DRAIN_AT_MOST_BYTES = 1_048_576;

/**
 * A refused upload: a small rest is read and dropped, so the connection stays usable (closing a
 * socket with unread bytes resets it, and the client's next write fails with EPIPE, often before
 * it reads the answer); a large, over-limit or unknown rest ends the connection instead.
 */
function closed(request: FastifyRequest, reply: FastifyReply, limits: ImportLimits, error: unknown): unknown {
  const length = Number(request.headers['content-length']);
  if (length <= Math.min(DRAIN_AT_MOST_BYTES, limits.maxBytes)) request.raw.unpipe().resume();
  else reply.header('connection', 'close');
  return error;
}

/** The import, its outcome counted when it ends. */
async function recorded(running: Promise<RunImportResult>, record: ReturnType<typeof recorder>, hasJob: () => boolean) {
  try {
    const { report } = await running;
    record('completed', report);
    return report;
  } catch (error) {
    if (error instanceof ImportRejectedError) record('rejected', error.report);
    else record(hasJob() ? 'failed' : null);
    throw error;
  }
}

/** Counts finished imports (not one without a job: nothing was imported); rows only of those whose result stands (completed, not a dry run). */
function recorder(metrics: ImportMetrics, tracker: ImportTracker, settings: Settings) {
  const mode = settings.dryRun ? 'dry_run' : settings.mode;
  return (outcome: 'completed' | 'rejected' | 'failed' | null, report?: ImportReport) => {
    tracker.ended(report?.received);
    if (outcome === null) return;
    const stored = outcome === 'completed' && !settings.dryRun && report;
    const rows = stored ? { inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, failed: report.failed } : {};
    metrics.record(mode, outcome, rows);
  };
}
