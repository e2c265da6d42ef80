import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { DependencyContainer } from 'tsyringe';
import { GetImportJob } from '../../../application/imports/get-import-job.ts';
import { errors } from '../schemas/common.ts';
import { ImportAnswer, ImportBody, ImportIdParams, ImportQuery, ImportRejected } from '../schemas/import.ts';
import { buildValidator } from '../validation.ts';
import { importHandler, importJobView } from './import-handler.ts';
import type { ImportLimits } from './import-upload.ts';

export type { ImportLimits } from './import-upload.ts';

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxBytes: 100 * 1024 ** 2, maxRows: 1_000_000 };

/** Media types whose body is the file itself; their parsers hand the stream through unread. */
const RAW_TYPES = [
  'application/json',
  'application/x-ndjson',
  'application/ndjson',
  'application/jsonl',
  'application/x-jsonlines',
  'text/csv',
  'application/csv',
];
const tags = ['import'];

export interface ImportRouteOptions {
  container: DependencyContainer;
  limits?: ImportLimits;
  /** Aborted on shutdown when running imports must roll back. */
  shutdown?: AbortSignal;
}

/**
 * POST /movies/import (alias POST /upload) and GET /movies/import/:id. This plugin is its
 * own encapsulation context: the raw-stream JSON parser and multipart apply to it alone.
 */
export const importRoutes: FastifyPluginAsyncTypebox<ImportRouteOptions> = async (app, options) => {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  passRawBodies(app as unknown as FastifyInstance);
  await app.register(multipart, { limits: { files: 2, fields: 5, parts: 5, fileSize: limits.maxBytes + 1 } });
  const handler = importHandler(options.container, limits, options.shutdown);
  for (const url of ['/movies/import', '/upload']) {
    app.post(url, {
      config: { permission: 'import:movies' },
      // The body is read by the handler as a stream: only the query is validated up front.
      validatorCompiler: bodyUnchecked,
      schema: {
        tags,
        summary:
          url === '/upload' ? 'Import movies (catalog-API alias of POST /movies/import)' : 'Import movies from a JSON, NDJSON or CSV file',
        description: IMPORT_DESCRIPTION,
        querystring: ImportQuery,
        body: ImportBody,
        response: { 200: ImportAnswer, 422: ImportRejected, ...errors(413, 415) },
      },
      handler,
    });
  }

  app.get('/movies/import/:id', {
    config: { permission: 'import:movies' },
    schema: {
      tags,
      summary: 'State, counts and report of an import',
      params: ImportIdParams,
      response: { 200: ImportAnswer, ...errors(404) },
    },
    handler: async (request) => {
      const job = await options.container.resolve(GetImportJob).execute({ id: request.params.id });
      return { success: true as const, import: importJobView(job) };
    },
  });
};

function passRawBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(RAW_TYPES, (_request, payload, done) => done(null, payload));
}

const textValidators = buildValidator({}, {});
type RouteSchema = Parameters<typeof textValidators>[0] & { httpPart?: string };
const bodyUnchecked = (route: RouteSchema) => (route.httpPart === 'body' ? () => true : textValidators(route));

const IMPORT_DESCRIPTION = `
One file — multipart field \`file\`, or the raw body — as a JSON array, NDJSON or CSV, told apart by
Content-Type or file name. Parsed as a stream. \`mode=atomic\` (default): every row valid and stored, or
nothing stored and a 422 carrying the report; \`mode=partial\`: valid rows stored, the others reported;
\`dry_run=true\`: counts only. A row whose title + director + release date (ignoring case) exists
updates that movie; an identical row counts as unchanged. 200 answers the finished import
(\`import.report\`: received, inserted, updated, unchanged, failed, errors[] capped at 100) with
\`Location: /movies/import/{id}\`. Over IMPORT_MAX_BYTES or IMPORT_MAX_ROWS: 413; unknown format or
bytes that are not UTF-8 text: 415; broken JSON/NDJSON/CSV: 400 naming line and column; no file, a
second file or another part: 400. Nothing is stored in any of these cases. An import still running when
the service shuts down gets SHUTDOWN_TIMEOUT_MS less 3 s to finish, then rolls back and answers 503
\`IMPORT_INTERRUPTED\` with Retry-After: send it again.
`.trim();
