import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { GetImportJob } from '../../../application/imports/get-import-job.ts';
import type { ListImportJobs } from '../../../application/imports/list-import-jobs.ts';
import { pageRequest, pagingOf } from '../paging.ts';
import { errors } from '../wire/common.ts';
import { ImportAnswer, ImportIdParams, ImportList, ImportListQuery, ImportWaitQuery, importJobView } from '../wire/import-job.ts';
import { jobAfterWait } from './import-wait.ts';

const tags = ['import'];

/** The use cases these routes call. */
export interface ImportJobUseCases {
  getImportJob: GetImportJob;
  listImportJobs: ListImportJobs;
}

/** GET /movies/import and GET /movies/import/:id: imports and their progress, from any instance. */
export const importJobRoutes: FastifyPluginAsyncTypebox<{ useCases: ImportJobUseCases }> = async (app, { useCases }) => {
  app.get('/movies/import', {
    config: { permission: 'import:movies' },
    schema: {
      operationId: 'listImports',
      tags,
      summary: 'Imports, newest first',
      description:
        'Finds an import still running (`state=running`) to follow its progress from any instance. Imports that ended longer ago than IMPORT_JOB_RETENTION (30 days by default) are pruned.',
      querystring: ImportListQuery,
      response: { 200: ImportList, ...errors() },
    },
    handler: async (request, reply) => {
      const { state, ...paging } = request.query;
      const { page, limit } = pageRequest(paging);
      const found = await useCases.listImportJobs.execute({ state, page, limit });
      return { success: true as const, imports: found.items.map(importJobView), ...pagingOf(request, reply, paging, found) };
    },
  });

  // A shutdown answers waiting long-polls at once (the job as it is) instead of holding the close for up to 30 s.
  const closing = new AbortController();
  app.addHook('preClose', (done) => {
    closing.abort();
    done();
  });

  app.get('/movies/import/:id', {
    config: { permission: 'import:movies' },
    schema: {
      operationId: 'getImport',
      tags,
      summary: 'State, counts and report of an import',
      description:
        '`?wait=N` (up to 30 s) long-polls: while the import runs, the answer waits until it ends or N seconds are up. ' +
        '404 for an unknown id, and for an import that ended longer ago than IMPORT_JOB_RETENTION (30 days by default): old ones are pruned.',
      params: ImportIdParams,
      querystring: ImportWaitQuery,
      response: { 200: ImportAnswer, ...errors(404) },
    },
    handler: async (request, reply) => {
      const gone = new AbortController();
      reply.raw.once('close', () => gone.abort());
      const waitSeconds = request.query.wait ?? 0;
      const stop = AbortSignal.any([gone.signal, closing.signal]);
      const job = await jobAfterWait(useCases.getImportJob, { id: request.params.id, waitSeconds }, stop);
      return { success: true as const, import: importJobView(job) };
    },
  });
};
