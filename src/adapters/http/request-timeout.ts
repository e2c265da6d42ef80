import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { envelope } from './error-handler.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route reads its body as a stream for as long as it keeps arriving (POST /movies/import):
     * REQUEST_TIMEOUT_MS does not apply; the route enforces its own idle limit.
     */
    streamsUpload?: boolean;
  }
}

/**
 * REQUEST_TIMEOUT_MS, per route: a request whose body has not fully arrived in time is a 408
 * with the envelope, and its connection is closed. Node's requestTimeout did this server-wide,
 * which would cut an import that is still receiving and storing rows; it is off (app.ts), and
 * this timer runs instead from the start of the request until its body is parsed, as Node's did.
 */
export function installRequestTimeout(app: FastifyInstance, timeoutMs: number): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (request.routeOptions.config.streamsUpload || !hasBody(request)) return done();
    const timer = setTimeout(() => timeOut(request, reply), timeoutMs);
    timers.set(request, timer);
    reply.raw.once('close', () => clearTimeout(timer));
    done();
  });
  // Runs once the body is in (or at once for a request without one): the request has arrived.
  app.addHook('preValidation', (request, _reply, done) => {
    clearTimeout(timers.get(request));
    done();
  });
}

const timers = new WeakMap<FastifyRequest, NodeJS.Timeout>();

/**
 * Without a body, a request has fully arrived once its headers have (Node's headersTimeout
 * covered those): no timer, which saves most requests a timer, a listener and a map entry.
 */
const hasBody = ({ headers }: FastifyRequest) =>
  headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');

function timeOut(request: FastifyRequest, reply: FastifyReply): void {
  if (reply.sent) return;
  request.log.info('the request did not arrive in time: 408');
  void reply
    .code(408)
    .header('connection', 'close')
    .send({ ...envelope(408, 'REQUEST_TIMEOUT', 'the request did not arrive in time'), request_id: request.id });
}
