import { Readable } from 'node:stream';
import { imdbJson } from '../../support/imdb-fixture.ts';

/** The project's IMDb-shaped data set as a file stream would deliver it (64 KiB chunks). */
export const imdbStream = (): Readable => chunked(imdbJson(), 64 * 1024);

/** Streams `text` in small chunks, so tokens and UTF-8 characters split across chunks. */
export function chunked(text: string | Uint8Array, size = 7): Readable {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

export async function collect<T>(records: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const record of records) out.push(record);
  return out;
}

/** The rejection of a promise (or of iterating), for asserting on typed errors. */
export async function failure(work: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await work;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a failure');
}
