import type { FastifyInstance } from 'fastify';

/**
 * The request id (the client's `X-Request-Id`, else Fastify's own) goes back in the
 * `X-Request-Id` header of every response and in the body of every error, whatever its
 * status, so a user's report of any failure can be matched with the log lines, which pino
 * tags with the same id (`reqId`).
 */
export function installRequestId(app: FastifyInstance): void {
  // Callback hooks, not async ones, and the header set on arrival rather than in onSend: they
  // run on every request, where a promise or a hook pass more each is measurable (issue 13).
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('preSerialization', (request, _reply, payload, done) => {
    if (!isErrorBody(payload) || payload.request_id !== undefined) return done(null, payload);
    done(null, { ...payload, request_id: request.id });
  });
}

const isErrorBody = (payload: unknown): payload is { success: false; request_id?: string } =>
  typeof payload === 'object' && payload !== null && (payload as { success?: unknown }).success === false;
