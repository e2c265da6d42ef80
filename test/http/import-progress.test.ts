import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import t, { type Test } from 'tap';
import { buildTestApp } from '../support/http.ts';
import { importParts, importRaw, ndjson } from './import-support.ts';

/*
 * GET /movies/import/:id while an upload is half sent: bytes read of its Content-Length, rows
 * stored, rows/s and the time left; /metrics counts the rows of the running import.
 */

const rows = (from: number, to: number) =>
  ndjson(Array.from({ length: to - from }, (_, i) => ({ title: `Progress ${from + i}`, director: 'P', release_date: '2001-01-01' })));

async function listening(t: Test) {
  const test = await buildTestApp();
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  t.teardown(() => test.app.close());
  return { ...test, port: (test.app.server.address() as { port: number }).port };
}

/** An upload sent by hand; `headers` may announce its length. The answer comes at once (respond-async). */
function heldUpload(port: number, headers: Record<string, string>) {
  const req = request({ port, method: 'POST', path: '/movies/import', headers: { 'content-type': 'application/x-ndjson', ...headers } });
  req.on('error', () => undefined);
  const location = new Promise<string>((resolve) => req.on('response', (res) => (res.resume(), resolve(res.headers.location ?? ''))));
  return { req, location };
}

type Job = { state: string; report: { received: number }; progress: Record<string, number | null> };

/** The job once it has reported `received` rows or more (progress comes with every batch of 1,000). */
async function jobWhen(app: Awaited<ReturnType<typeof listening>>['app'], location: string, received: number): Promise<Job> {
  for (;;) {
    const job = (await app.inject(location)).json().import as Job;
    if (job.report.received >= received || job.state !== 'running') return job;
    await sleep(20);
  }
}

const metric = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);

t.test('a half-sent upload of known size: bytes read of the total, rows stored, rows/s, seconds left', async (t) => {
  const { app, port } = await listening(t);
  const [first, rest] = [rows(0, 1500), rows(1500, 2000)];
  const total = Buffer.byteLength(first) + Buffer.byteLength(rest);
  const { req, location } = heldUpload(port, { 'content-length': String(total), prefer: 'respond-async' });
  req.write(first);
  const running = await jobWhen(app, await location, 1000);
  t.equal(running.state, 'running');
  const { bytes_read: read, bytes_total, rows_stored, rows_per_second, estimated_seconds_left } = running.progress;
  t.equal(bytes_total, total, 'the size is the Content-Length');
  t.ok(read! > 0 && read! <= Buffer.byteLength(first), `bytes read (${read}) are those sent so far`);
  t.equal(rows_stored, 1000, 'one batch written');
  t.ok(Number.isInteger(rows_per_second) && Number.isInteger(estimated_seconds_left), 'a rate and an estimate');
  const during = (await app.inject('/metrics')).body;
  t.equal(metric(during, 'marquee_imports_running'), 1);
  t.ok(metric(during, 'marquee_import_rows_received_total') >= 1000, 'the running import counts its rows');

  req.end(rest);
  const done = (await app.inject(`${await location}?wait=10`)).json().import as Job;
  t.match(done, {
    state: 'succeeded',
    progress: { bytes_read: total, bytes_total: total, rows_stored: 2000, estimated_seconds_left: null },
  });
  const after = (await app.inject('/metrics')).body;
  t.equal(metric(after, 'marquee_imports_running'), 0);
  t.equal(metric(after, 'marquee_import_rows_received_total'), 2000, 'every row counted once');
});

t.test('a chunked upload has no known size: no estimate', async (t) => {
  const { app, port } = await listening(t);
  const { req, location } = heldUpload(port, { prefer: 'respond-async' });
  req.write(rows(0, 1200));
  const running = await jobWhen(app, await location, 1000);
  t.match(running.progress, { bytes_total: null, estimated_seconds_left: null, rows_stored: 1000 });
  req.end();
  const done = (await app.inject(`${await location}?wait=10`)).json().import as Job;
  t.match(done, { state: 'succeeded', progress: { bytes_read: Buffer.byteLength(rows(0, 1200)), bytes_total: null } });
});

t.test('multipart: the total is the whole body, a little more than the file read', async (t) => {
  const { app } = await listening(t);
  const file = rows(0, 10);
  const response = await importParts(app, [{ filename: 'movies.ndjson', content: file }]);
  const { bytes_read, bytes_total } = response.json().import.progress;
  t.equal(bytes_read, Buffer.byteLength(file));
  t.ok(bytes_total > bytes_read, `the body (${bytes_total} bytes) holds the file and the part's headers`);
  const raw = await importRaw(app, file, 'application/x-ndjson');
  t.match(raw.json().import.progress, { bytes_read: Buffer.byteLength(file), bytes_total: Buffer.byteLength(file), rows_stored: 10 });
});
