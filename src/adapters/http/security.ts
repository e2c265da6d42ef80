import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's default headers, asked of helmet once: its options are fixed, so every answer gets
 * the same set. @fastify/helmet built the whole helmet middleware again on every request
 * (parsing the CSP directives, about a tenth of GET /movies/:id's own CPU, issue 13).
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    removeHeader: () => undefined, // X-Powered-By, which Fastify never sends
  };
  helmet()({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return headers;
}

/**
 * Helmet's headers on every answer; the reference page at /docs sets its own CSP with the
 * hashes of its inline scripts (swagger-ui's staticCSP), which replaces this one. CORS answers
 * only listed origins: with an empty list no origin is allowed at all.
 */
export async function registerSecurity(app: FastifyInstance, corsOrigins: string[]): Promise<void> {
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(cors, {
    origin: corsOrigins.length > 0 ? corsOrigins : false,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'if-match', 'if-none-match'],
    exposedHeaders: ['etag', 'link', 'location', 'retry-after'],
  });
}
