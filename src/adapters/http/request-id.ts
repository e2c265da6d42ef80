import type { FastifyInstance } from 'fastify';

/**
 * The request id (the client's `X-Request-Id`, else Fastify's own) goes back in the
 * `X-Request-Id` header of every response and in the body of every error, whatever its
 * status, so a user's report of any failure can be matched with the log lines, which pino
 * tags with the same id (`reqId`).
 */
export function installRequestId(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, _reply, payload) => {
    if (!isErrorBody(payload) || payload.request_id !== undefined) return payload;
    return { ...payload, request_id: request.id };
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
}

const isErrorBody = (payload: unknown): payload is { success: false; request_id?: string } =>
  typeof payload === 'object' && payload !== null && (payload as { success?: unknown }).success === false;
