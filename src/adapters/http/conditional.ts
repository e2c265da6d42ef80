import { hash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';

/**
 * ETags are `"<version>"`, or `"<version>-<digest>"` when the representation embeds related
 * resources (a movie's cast, an actor's movies) that change without the version moving.
 * If-Match compares only the version: a new casting does not make an edit of the movie stale.
 */
export function etagOf(version: number, embedded?: unknown): string {
  if (embedded === undefined) return `"${version}"`;
  // One-shot hash: no Hash object per call (the same digest as createHash, measurably cheaper on GET /movies/:id).
  const digest = hash('sha1', JSON.stringify(embedded), 'hex').slice(0, 16);
  return `"${version}-${digest}"`;
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** Sets the ETag and answers 304 when If-None-Match names it (weak comparison, or `*`). */
export function answeredNotModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('etag', etag);
  const header = request.headers['if-none-match'];
  if (header === undefined) return false;
  const tags = header.split(',').map(opaque);
  if (!tags.includes('*') && !tags.includes(etag)) return false;
  reply.code(304).send();
  return true;
}

const IF_MATCH = /^"(\d{1,9})(?:-[0-9a-f]{16})?"$/;

/**
 * The version an If-Match names, for the use case to compare (412 when stale). No header or
 * `*` → undefined (the write goes through). A malformed value, a weak tag or a list of
 * several tags cannot name the current version, so it is a 412 too (RFC 9110 §13.1.1).
 */
export function ifMatchVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = IF_MATCH.exec(header.trim());
  if (!match) {
    throw new DomainError('precondition', 'INVALID_IF_MATCH', 'If-Match must be one strong ETag of this resource, e.g. "3"', [
      { path: '/headers/if-match', message: 'expected one ETag as sent in the ETag header' },
    ]);
  }
  return Number(match[1]);
}
