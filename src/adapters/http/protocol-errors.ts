import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { envelope } from './error-handler.ts';

/** A client's X-Request-Id is kept only when it is a short token; anything else could forge or flood the logs. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Errors Fastify raises before any route runs, in the envelope like every other 4xx. */
const FRAMEWORK_ANSWERS = new Map([
  ['FST_ERR_BAD_URL', [400, 'BAD_URL', 'the path is not valid percent-encoded UTF-8']],
  ['FST_ERR_MAX_PARAM_LENGTH', [414, 'URI_TOO_LONG', 'a path segment is longer than 100 characters']],
] as const);

export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const [status, code, message] = FRAMEWORK_ANSWERS.get(error.code as 'FST_ERR_BAD_URL') ?? [
    400,
    'BAD_REQUEST',
    'the request is malformed',
  ];
  // No route, so none of the app's hooks run: the request id is added here.
  void reply
    .code(status)
    .header('x-request-id', request.id)
    .send({ ...envelope(status, code, message), request_id: request.id });
}

/** What Node's HTTP parser refuses (before Fastify sees a request): timeouts, huge headers, broken HTTP. */
const CLIENT_ANSWERS = new Map([
  ['ERR_HTTP_REQUEST_TIMEOUT', [408, 'REQUEST_TIMEOUT', 'the request did not arrive in time']],
  ['HPE_HEADER_OVERFLOW', [431, 'HEADERS_TOO_LARGE', 'the request line and headers are larger than the server accepts']],
] as const);

/** Node's clientError event, answered with the envelope (and a request id) on the raw socket. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] = CLIENT_ANSWERS.get(error.code as 'HPE_HEADER_OVERFLOW') ?? [
    400,
    'BAD_REQUEST',
    'the request is not valid HTTP',
  ];
  const requestId = randomUUID();
  const body = JSON.stringify({ ...envelope(status, code, message), request_id: requestId });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${code.replace(/_/g, ' ')}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
