import { TextDecoder } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import { checkBodyText } from './text-checks.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const notUtf8 = () => new DomainError('malformed', 'INVALID_JSON', 'the body is not valid UTF-8');

/**
 * JSON is the only body type: anything else is a 415 (Fastify's text/plain parser would
 * otherwise let a plain-text body through to fail as a 400). An empty body sent with a JSON
 * content type — common on DELETE from browser clients — counts as no body; a route that
 * needs one still answers 400 from its schema. Prototype poisoning stays a 400. Bytes that
 * are not UTF-8, and strings with NUL or lone surrogates, are a 400 too: they used to be
 * replaced silently, or to reach PostgreSQL and fail there as a 500.
 */
export function acceptJsonOnly(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      return done(notUtf8(), undefined);
    }
    if (text === '') return done(null, undefined);
    return parseJson(request, text, (error, value) => (error ? done(error, undefined) : done(checkBodyText(value), value)));
  });
}
