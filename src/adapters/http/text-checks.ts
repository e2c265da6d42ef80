import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import { isStorableText, STORABLE_TEXT_RULE } from '../../domain/text.ts';

/** Bodies are flat records; anything nested deeper is no input of ours (and no stack is spent on it). */
const MAX_DEPTH = 32;

const badText = (path: string, what: string) =>
  new DomainError('malformed', 'INVALID_TEXT', `${what} ${path || '/'} ${STORABLE_TEXT_RULE}`, [
    { path: path || '/', message: `${what} ${path || '/'} ${STORABLE_TEXT_RULE}` },
  ]);

/**
 * The first string (value or key) of a parsed JSON body that holds NUL or a lone surrogate,
 * as a 400; walked with a list instead of recursion, and no deeper than MAX_DEPTH.
 */
export function checkBodyText(value: unknown): DomainError | null {
  const pending: [unknown, string, number][] = [[value, '', 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path, depth] = next;
    if (typeof item === 'string' && !isStorableText(item)) return badText(path, 'body');
    if (typeof item !== 'object' || item === null) continue;
    if (depth === MAX_DEPTH) return new DomainError('malformed', 'INVALID_JSON', `the body is nested deeper than ${MAX_DEPTH} levels`);
    for (const [key, child] of Object.entries(item)) {
      const childPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!isStorableText(key)) return badText(path, 'a field name in body');
      pending.push([child, childPath, depth + 1]);
    }
  }
  return null;
}

/**
 * Query values are decoded here once more, strictly: invalid percent-encoding or UTF-8,
 * NUL and lone surrogates are a 400 (the query parser would pass them on, or replace them).
 * preValidation, so an unauthenticated client still gets its 401 first.
 */
export function installQueryTextCheck(app: FastifyInstance): void {
  // A callback hook: most requests have no query, and an async hook costs them a promise (issue 13).
  app.addHook('preValidation', (request, _reply, done) => {
    const url = request.raw.url ?? '';
    const start = url.indexOf('?');
    done(start < 0 ? undefined : badQueryText(url.slice(start + 1)));
  });
}

function badQueryText(query: string): DomainError | undefined {
  for (const pair of query.split('&')) {
    for (const part of pair.split('=', 2)) {
      const text = decodeStrictly(part.replace(/\+/g, ' '));
      if (text === null || !isStorableText(text)) return badText(pair.split('=', 1)[0] ?? '', 'query parameter');
    }
  }
  return undefined;
}

function decodeStrictly(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null; // "%zz", "%ED%A0%80" (an encoded surrogate), "%FF": no UTF-8 text
  }
}
