import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errors } from '../wire/common.ts';
import { ImportAccepted, ImportAnswer, ImportRejected } from '../wire/import-job.ts';
import { IMPORT_DESCRIPTION, ImportBody, ImportQuery } from '../wire/import.ts';
import { buildValidator } from '../validation.ts';
import { importHandler, type ImportUseCases } from './import-handler.ts';
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
  useCases: ImportUseCases;
  limits?: ImportLimits;
  /** Aborted on shutdown when running imports must roll back. */
  shutdown?: AbortSignal;
}

/**
 * POST /movies/import (alias POST /upload); import-jobs.ts shows them. This plugin is its
 * own encapsulation context: the raw-stream JSON parser and multipart apply to it alone.
 */
export const importRoutes: FastifyPluginAsyncTypebox<ImportRouteOptions> = async (app, options) => {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  passRawBodies(app);
  await app.register(multipart, { limits: { files: 2, fields: 5, parts: 5, fileSize: limits.maxBytes + 1 } });
  const handler = importHandler(options.useCases, limits, options.shutdown);
  for (const url of ['/movies/import', '/upload']) {
    app.post(url, {
      // REQUEST_TIMEOUT_MS does not cut an upload still arriving; IMPORT_IDLE_TIMEOUT_MS cuts a stalled one.
      config: { permission: 'import:movies', streamsUpload: true },
      // The body is read by the handler as a stream: only the query is validated up front.
      validatorCompiler: bodyUnchecked,
      schema: {
        operationId: url === '/upload' ? 'importMoviesCatalogApi' : 'importMovies',
        tags,
        summary:
          url === '/upload' ? 'Import movies (catalog-API alias of POST /movies/import)' : 'Import movies from a JSON, NDJSON or CSV file',
        description: IMPORT_DESCRIPTION,
        querystring: ImportQuery,
        body: ImportBody,
        response: { 200: ImportAnswer, 202: ImportAccepted, 422: ImportRejected, ...errors(408, 413, 415) },
      },
      handler,
    });
  }
};

function passRawBodies(app: Pick<FastifyInstance, 'removeContentTypeParser' | 'addContentTypeParser'>): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(RAW_TYPES, (_request, payload, done) => done(null, payload));
}

const textValidators = buildValidator({}, {});
type RouteSchema = Parameters<typeof textValidators>[0] & { httpPart?: string };
const bodyUnchecked = (route: RouteSchema) => (route.httpPart === 'body' ? () => true : textValidators(route));
