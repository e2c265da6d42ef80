import type { FastifyInstance } from 'fastify';
import { imdbJson } from '../support/imdb-fixture.ts';

/** An IMDb-shaped data set made by the project (test/support/imdb-fixture.ts). */
export const imdbText = imdbJson;

export interface FilePart {
  name?: string;
  filename?: string;
  type?: string;
  content: string | Buffer;
  /** A plain form field instead of a file. */
  field?: boolean;
}

/** A multipart/form-data body by hand, so tests control every part. */
export function multipart(parts: FilePart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----marquee-test-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const name = part.name ?? 'file';
    const disposition = part.field
      ? `form-data; name="${name}"`
      : `form-data; name="${name}"; filename="${part.filename ?? 'movies.json'}"`;
    const type = part.field ? '' : `Content-Type: ${part.type ?? 'application/octet-stream'}\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

type Headers = Record<string, string>;

/** POSTs a raw file body to /movies/import (or `url`) with that content type. */
export function importRaw(
  app: FastifyInstance,
  body: string | Buffer,
  type: string,
  query = '',
  headers: Headers = {},
  url = '/movies/import',
) {
  return app.inject({ method: 'POST', url: `${url}${query}`, payload: body, headers: { 'content-type': type, ...headers } });
}

export function importParts(app: FastifyInstance, parts: FilePart[], query = '', headers: Headers = {}, url = '/movies/import') {
  const body = multipart(parts);
  return app.inject({ method: 'POST', url: `${url}${query}`, payload: body.payload, headers: { ...body.headers, ...headers } });
}

export async function movieCount(app: FastifyInstance, headers: Headers = {}): Promise<number> {
  return (await app.inject({ url: '/movies?limit=1', headers })).json().total as number;
}

export const ndjson = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
