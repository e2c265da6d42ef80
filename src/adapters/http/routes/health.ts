import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { envelope, RETRY_AFTER_SECONDS } from '../error-handler.ts';
import { ErrorBody } from '../wire/common.ts';

const Status = Type.Object({ success: Type.Literal(true), status: Type.String() });
const tags = ['health'];

/** Public probes: live = the process answers; ready = the database answers too. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ isReady: () => Promise<boolean> }> = async (app, { isReady }) => {
  app.get('/health/live', {
    schema: { operationId: 'getLiveness', tags, summary: 'The process is up', response: { 200: Status } },
    handler: async () => ({ success: true as const, status: 'live' }),
  });

  app.get('/health/ready', {
    schema: { operationId: 'getReadiness', tags, summary: 'The database answers', response: { 200: Status, 503: ErrorBody } },
    handler: async (request, reply) => {
      if (await isReady().catch(() => false)) return { success: true as const, status: 'ready' };
      reply.code(503).header('retry-after', RETRY_AFTER_SECONDS);
      return envelope(503, 'NOT_READY', 'the database is not reachable yet');
    },
  });
};
