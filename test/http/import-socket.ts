import { type ClientRequest, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Test } from 'tap';
import { buildTestApp } from '../support/http.ts';
import { ndjson } from './import-support.ts';

/* Uploads over a real socket, for the import's timeout and limit tests (REQUEST_TIMEOUT_MS 1 s). */
export const row = (i: number) => ndjson([{ title: `Slow ${i}`, director: 'D', release_date: '2001-01-01' }]);

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  chunksSent: number;
}

/** POSTs `chunks` one every `gapMs` (chunked encoding unless headers say otherwise); stops sending once answered. */
export async function upload(port: number, chunks: string[], gapMs: number, headers: Record<string, string> = {}): Promise<Answer> {
  const req = request({ port, method: 'POST', path: '/movies/import', headers: { 'content-type': 'application/x-ndjson', ...headers } });
  req.on('error', () => undefined); // the server may close while we still write
  req.flushHeaders();
  let answered = false;
  const answer = new Promise<Omit<Answer, 'chunksSent'>>((resolve) =>
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    }),
  );
  let chunksSent = 0;
  for (const chunk of chunks) {
    if (answered) break;
    req.write(chunk);
    chunksSent += 1;
    await sleep(gapMs);
  }
  if (!answered && chunks.length > 0) req.end();
  return { ...(await answer), chunksSent };
}

export async function listening(t: Test, importLimits = { maxBytes: 100_000, maxRows: 1000, idleTimeoutMs: 500 }) {
  const test = await buildTestApp({ requestTimeoutMs: 1000, importLimits });
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  t.teardown(() => test.app.close());
  return { ...test, port: (test.app.server.address() as { port: number }).port };
}

/** The status and text of the answer to `req`, once it has all come. */
export function answerTo(req: ClientRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve) =>
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    }),
  );
}
