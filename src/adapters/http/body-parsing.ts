import type { FastifyInstance } from 'fastify';

/**
 * JSON is the only body type: anything else is a 415 (Fastify's text/plain parser would
 * otherwise let a plain-text body through to fail as a 400). An empty body sent with a JSON
 * content type — common on DELETE from browser clients — counts as no body; a route that
 * needs one still answers 400 from its schema. Prototype poisoning stays a 400.
 */
export function acceptJsonOnly(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') return done(null, undefined);
    return parseJson(request, text, done);
  });
}
