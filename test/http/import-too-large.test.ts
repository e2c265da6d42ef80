import t from 'tap';
import { movieCount } from './import-support.ts';
import { listening, row, upload } from './import-socket.ts';

/* Over a real socket: a file over IMPORT_MAX_BYTES is refused while it is still being sent. */
t.test('over IMPORT_MAX_BYTES is a 413 with the envelope as soon as the limit is passed', async (t) => {
  const { app, port } = await listening(t, { maxBytes: 2000, maxRows: 1000, idleTimeoutMs: 2000 });
  const chunks = Array.from({ length: 40 }, (_, i) => row(i).padEnd(200, ' '));
  const streamed = await upload(port, chunks, 50);
  t.equal(streamed.status, 413);
  t.match(streamed.body, { success: false, error: 413, code: 'IMPORT_TOO_LARGE', request_id: String });
  t.ok(streamed.chunksSent < 20, `answered after ${streamed.chunksSent} of 40 chunks of 200 bytes (limit 2,000 bytes)`);
  const declared = await upload(port, [], 0, { 'content-length': String(40 * 200) });
  t.equal(declared.status, 413, 'a Content-Length over the limit is refused before the body is read');
  t.match(declared.body, { code: 'IMPORT_TOO_LARGE' });
  t.equal(await movieCount(app), 0);
});

/* A refused small upload is read to its end, so a client reusing the connection gets every answer. */
t.test('refused small uploads in a row over one keep-alive client are all answered', async (t) => {
  const { port } = await listening(t);
  const form = (...names: string[]) => {
    const body = new FormData();
    for (const name of names) body.append('file', new Blob(['{"title":"A"}\n']), name);
    return body;
  };
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) {
    for (const body of [form('a.ndjson', 'b.ndjson'), form('a.xlsx')]) {
      const answer = await fetch(`http://127.0.0.1:${port}/movies/import`, { method: 'POST', body });
      statuses.push(answer.status);
      await answer.text();
    }
  }
  t.same(new Set(statuses), new Set([400, 415]), 'two files 400, an unknown format 415, never a reset connection');
});
