/*
 * Sends every hostile request of test/support/hostile to a running server and counts what
 * comes back: 5xx answers, 4xx without the error envelope, and how long /health/live stalls
 * while files made to freeze a parser are imported.
 *   BASE_URL=http://127.0.0.1:3000 ADMIN_USERNAME=admin ADMIN_PASSWORD=… npm run sweep
 * FREEZE_SCALE (default 0.2) sizes the freezing files: 1 is the reported 100,000 columns.
 */
import { freezingFiles, hostileImports } from '../test/support/hostile/imports.ts';
import { hostileRequests, type HostileRequest, type OpenApiDocument } from '../test/support/hostile/requests.ts';
import { random } from '../test/support/hostile/values.ts';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const seed = Number(process.env.SEED ?? 1);

async function call(request: Omit<HostileRequest, 'label' | 'write'>, token: string) {
  const response = await fetch(base + request.url, {
    method: request.method,
    headers: { ...request.headers, authorization: `Bearer ${token}` },
    body: request.payload,
  });
  const text = await response.text();
  return { status: response.status, text, headers: response.headers };
}

async function json(method: string, url: string, token: string, body?: unknown) {
  const headers = { 'content-type': 'application/json' };
  const answer = await call({ method, url, headers, payload: body === undefined ? undefined : JSON.stringify(body) }, token);
  return JSON.parse(answer.text) as Record<string, { id: number } & Record<string, unknown>>;
}

const login = await json('POST', '/auth', '', { username: process.env.ADMIN_USERNAME, password: process.env.ADMIN_PASSWORD });
const token = login.access_token as unknown as string;
const movie = (await json('POST', '/movies', token, { title: `Sweep ${Date.now()}` })).movie!.id;
const actor = (await json('POST', '/actors', token, { name: 'Sweep Actor', age: 40, gender: 'male' })).actor!.id;
await json('POST', `/movies/${movie}/actors`, token, { actor_id: actor });
const user = (await json('POST', '/register', '', { name: 'Sweep', username: `sweep${Date.now()}`, password: 'Sweep-Passw0rd' })).user!.id;
const job = Number(
  (
    await call(
      { method: 'POST', url: '/movies/import?dry_run=true', headers: { 'content-type': 'text/csv' }, payload: 'title\nx\n' },
      token,
    )
  ).headers
    .get('location')
    ?.split('/')
    .pop(),
);
const document = (await json('GET', '/docs/json', '')) as unknown as OpenApiDocument;

const requests = [
  ...hostileRequests(document, { movie, actor, user, job }, { valuesPerField: 1_000, next: random(seed) }),
  ...hostileImports(),
];
const counts = new Map<number, number>();
const failures: string[] = [];
for (const request of requests) {
  const { status, text } = await call(request, token).catch((error: Error) => ({ status: 0, text: error.message }));
  counts.set(status, (counts.get(status) ?? 0) + 1);
  if (status >= 500 || status === 0) failures.push(`${status} ${request.label}: ${text.slice(0, 160)}`);
  else if (status >= 400 && !/^\{"success":false,"error":\d{3},"message"/.test(text))
    failures.push(`${status} no envelope ${request.label}: ${text.slice(0, 120)}`);
}
console.log(`seed ${seed}: ${requests.length} requests;`, Object.fromEntries([...counts].sort()));
for (const failure of failures) console.log(failure);

const scale = Number(process.env.FREEZE_SCALE ?? 0.2);
for (const file of freezingFiles(scale)) {
  let worst = 0;
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const start = performance.now();
      await fetch(`${base}/health/live`);
      worst = Math.max(worst, performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const started = performance.now();
  const answer = await call(
    { method: 'POST', url: '/movies/import?dry_run=true', headers: { 'content-type': file.contentType }, payload: file.body },
    token,
  );
  probing = false;
  await probe;
  console.log(
    `${file.label} (${(file.body.length / 1e6).toFixed(1)} MB): ${answer.status} in ${Math.round(performance.now() - started)} ms, /health/live worst ${Math.round(worst)} ms ${answer.text.slice(0, 100)}`,
  );
}
