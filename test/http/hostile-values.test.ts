import t, { type Test } from 'tap';
import { buildAuthApp } from '../support/auth.ts';
import { buildTestApp, createActor, createMovie, created } from '../support/http.ts';

type Inject = Awaited<ReturnType<typeof buildTestApp>>['app']['inject'];

/** Every answer here must be this 4xx with the error envelope. */
function refused(t: Test, response: Awaited<ReturnType<Inject>>, status: number, label: string) {
  t.equal(response.statusCode, status, `${label}: ${response.body.slice(0, 200)}`);
  t.match(response.json(), { success: false, error: status, code: String, details: Array, request_id: String }, label);
}

const json = (method: 'POST' | 'PATCH', url: string, payload: string | Buffer) => ({
  method,
  url,
  payload,
  headers: { 'content-type': 'application/json' },
});

t.test('NUL, lone surrogates and bytes that are no UTF-8 are a 400 wherever text arrives', async (t) => {
  const { app } = await buildTestApp();
  const movie = await createMovie(app);
  for (const [method, url, payload] of [
    ['POST', '/movies', '{"title":"a\\u0000b"}'],
    ['POST', '/movies', '{"title":"\\ud800"}'],
    ['POST', '/movies', '{"title":"x","genres":["\\udc00"]}'],
    ['PATCH', `/movies/${movie.id}`, '{"director":"\\u0000"}'],
    ['POST', '/actors', '{"name":"x\\u0000","age":3,"gender":"f"}'],
    ['POST', '/movies', '{"title":"x","\\u0000":1}'],
    ['POST', '/register', '{"name":"a\\u0000b","username":"nul","password":"Secret123"}'],
    ['POST', '/register', '{"name":"x","username":"n\\u0000l","password":"Secret123"}'],
  ] as const) {
    refused(t, await app.inject(json(method, url, payload)), 400, payload);
  }
  refused(t, await app.inject(json('POST', '/movies', Buffer.from('{"title":"\xff\xfe"}', 'latin1'))), 400, 'bytes 0xff 0xfe');
  for (const query of ['q=%00', 'q=a%00b', 'director=%ED%A0%80', 'genre=%FF', 'q=%zz'])
    refused(t, await app.inject(`/movies?${query}`), 400, query);
  refused(t, await app.inject('/actors?gender=%00'), 400, 'gender=%00');
  t.equal((await app.inject('/movies?q=caf%C3%A9')).statusCode, 200, 'real UTF-8 still searches');
  t.equal((await app.inject(`/movies/${movie.id}`)).json().movie.director, 'Michael Mann', 'the refused patch changed nothing');
});

t.test('a blank q (empty or white space only) is refused on every list that searches, as GET /search refuses it', async (t) => {
  const { app } = await buildTestApp();
  const movie = await createMovie(app, { shoot_start: '2026-05-01', shoot_end: '2026-05-31' });
  await createActor(app, { name: 'Al Pacino' });
  const { role } = (await created(app, `/movies/${movie.id}/roles`, { name: 'Vincent' })) as { role: { id: number } };
  const lists = ['/movies', '/actors', `/roles/${role.id}/candidates`, '/movies/export'];
  for (const q of ['', '%20', '%20%20', '+', '%09', '%C2%A0']) {
    const search = (await app.inject(`/search?q=${q}`)).json();
    for (const list of lists) {
      const response = await app.inject(`${list}?q=${q}`);
      refused(t, response, 400, `${list}?q=${q}`);
      t.match(
        response.json(),
        { code: search.code, details: search.details.map(({ path }: { path: string }) => ({ path })) },
        `${list}?q=${q} as /search`,
      );
    }
  }
  for (const list of [...lists, '/search'])
    t.equal((await app.inject(`${list}?q=pacino`)).statusCode, 200, `${list}: a real q still searches`);
});

t.test('ids are decimal digits within 1..2147483647, everywhere an id appears', async (t) => {
  const { app } = await buildTestApp();
  const movie = await createMovie(app);
  const actor = await createActor(app);
  const loose = ['0x10', '15e0', 'Infinity', '-Infinity', '1e309', '-0', '0', '+1', '1.0', ' 1', '2147483648', '99999999999999999999'];
  for (const id of loose) {
    for (const url of [
      `/movies/${id}`,
      `/actors/${id}`,
      `/movies/${id}/actors`,
      `/movies/import/${id}`,
      `/movies?actor=${id}`,
      `/actors?movie=${id}`,
    ]) {
      refused(t, await app.inject(url), 400, url);
    }
    refused(t, await app.inject({ method: 'DELETE', url: `/movies/${movie.id}/actors/${id}` }), 400, `uncast ${id}`);
    refused(t, await app.inject({ method: 'POST', url: `/search_movies_id/${id}` }), 400, `search ${id}`);
  }
  for (const raw of ['"16"', '1e309', '2147483648', '-1', '1.5', 'null']) {
    refused(t, await app.inject(json('POST', `/movies/${movie.id}/actors`, `{"actor_id":${raw}}`)), 400, `actor_id ${raw}`);
  }
  t.equal((await app.inject(`/movies/${movie.id}`)).statusCode, 200);
  t.equal((await app.inject(`/actors/${actor.id}`)).statusCode, 200);
});

t.test('DELETE /users/15e0 deletes nobody and /users/0x10 is nobody', async (t) => {
  const { app, as, createUser } = await buildAuthApp();
  const { headers } = await as('admin', 'root');
  const victim = await createUser('casting_assistant', 'victim');
  for (const id of [`${victim.id}e0`, `0x${victim.id.toString(16)}`, `${victim.id}.0`, `+${victim.id}`]) {
    refused(t, await app.inject({ method: 'DELETE', url: `/users/${id}`, headers }), 400, `DELETE /users/${id}`);
    refused(t, await app.inject({ url: `/users/${id}`, headers }), 400, `GET /users/${id}`);
  }
  t.equal((await app.inject({ url: `/users/${victim.id}`, headers })).json().user.active, true, 'the user is still active');
});

t.test('numbers: Infinity, exponents and out-of-range values are a 400, not a database error', async (t) => {
  const { app } = await buildTestApp();
  const queries = [
    'page=Infinity',
    'page=1e309',
    'limit=-Infinity',
    'imdb_score.gte=1e309',
    'popularity.lte=Infinity',
    'imdb_score.gte=0x1',
  ];
  for (const query of queries) refused(t, await app.inject(`/movies?${query}`), 400, query);
  for (const query of ['age.lte=99999999999999999999', 'age.gte=1e309', 'age.gte=2147483648', 'age.gte=-1']) {
    refused(t, await app.inject(`/actors?${query}`), 400, query);
  }
  t.equal((await app.inject('/movies?imdb_score.gte=7.5&page=2')).statusCode, 200, 'decimal numbers still work');
  refused(t, await app.inject(json('POST', '/actors', '{"name":"x","age":1e309,"gender":"f"}')), 400, 'age 1e309');
  refused(t, await app.inject(json('POST', '/movies', '{"title":"x","popularity":1e309}')), 400, 'popularity 1e309');
  t.equal((await app.inject('/movies')).json().total, 0, 'nothing was stored');
});

t.test('dates: year 0000 and five-digit years are refused in bodies, filters and import rows', async (t) => {
  const { app } = await buildTestApp();
  for (const date of ['0000-01-01', '10000-01-01', '-000001-01-01']) {
    refused(t, await app.inject(json('POST', '/movies', JSON.stringify({ title: 'x', release_date: date }))), 422, date);
    refused(t, await app.inject(`/movies?release_date.gte=${date}`), 400, `filter ${date}`);
  }
  const filter = await app.inject('/movies?release_date.lte=0000-12-31');
  t.match(filter.json(), { details: [{ path: '/release_date.lte', message: /YYYY-MM-DD, year 1–9999/ }] });
  const csv = 'title,release_date\nGood,1999-03-31\nBad,0000-01-01\n';
  const partial = await app.inject({
    method: 'POST',
    url: '/movies/import?mode=partial',
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });
  t.equal(partial.statusCode, 200, 'a partial import stores the good row');
  t.match(partial.json().import.report, { inserted: 1, failed: 1, errors: [{ row: 2, path: '/release_date' }] });
  const rows = '[{"title":"a\\u0000b"},{"title":"\\ud800"},{"title":"ok","genres":["\\u0000"]}]';
  const imported = await app.inject({
    method: 'POST',
    url: '/movies/import?mode=partial',
    headers: { 'content-type': 'application/json' },
    payload: rows,
  });
  t.match(imported.json().import.report, { inserted: 0, failed: 3 }, 'import rows with NUL or lone surrogates fail as rows');
});

t.test('broken multipart is a 400, never a 500', async (t) => {
  const { app } = await buildTestApp();
  const part = (name: string, type: string) =>
    `--b\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\ntitle\nx\n\r\n`;
  const post = (type: string, payload: string) =>
    app.inject({ method: 'POST', url: '/movies/import?dry_run=true', headers: { 'content-type': type }, payload });
  refused(t, await post('multipart/form-data', `${part('a.csv', 'text/csv')}--b--\r\n`), 400, 'no boundary');
  refused(t, await post('multipart/form-data; boundary=b', 'title\nx\n'), 400, 'a boundary that never appears');
  refused(t, await post('multipart/form-data; boundary=b', part('a.csv', 'text/csv').slice(0, 60)), 400, 'an unfinished part');
  refused(t, await post('multipart/form-data; boundary=b', part('a.csv', 'text/csv')), 400, 'no closing boundary');
});

t.test('client-chosen keys named like Object.prototype members find nothing', async (t) => {
  const { app, as } = await buildAuthApp();
  const { headers } = await as('admin', 'root');
  const keys = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
  const boundary = `--b\r\nContent-Disposition: form-data; name="file"; filename=`;
  for (const key of keys) {
    const upload = (fileName: string, type: string) =>
      app.inject({
        method: 'POST',
        url: '/movies/import?dry_run=true',
        headers: { ...headers, 'content-type': 'multipart/form-data; boundary=b' },
        payload: `${boundary}"${fileName}"\r\nContent-Type: ${type}\r\n\r\ntitle\nx\n\r\n--b--\r\n`,
      });
    refused(t, await upload(`movies.${key}`, 'application/octet-stream'), 415, `extension ${key}`);
    refused(t, await upload('movies.csv', key), 415, `part media type ${key}`);
    const raw = await app.inject({ method: 'POST', url: '/movies/import', headers: { ...headers, 'content-type': key }, payload: 'x' });
    t.ok([400, 415].includes(raw.statusCode), `body media type ${key}: ${raw.statusCode}`);
    for (const url of [
      `/movies?sort=${key}.asc`,
      `/movies/export?format=${key}`,
      `/movies/import?state=${key}`,
      `/movies/import?mode=${key}`,
      `/movies/1/roles?state=${key}`,
      `/roles/1/auditions?state=${key}`,
      `/roles/1/auditions?sort=${key}.asc`,
    ]) {
      refused(t, await app.inject({ method: url.includes('mode') ? 'POST' : 'GET', url, headers }), 400, url);
    }
    const move = { method: 'POST' as const, url: '/auditions/1/transitions', headers, payload: { to: key } };
    refused(t, await app.inject(move), 400, `audition state ${key}`);
    const me = (await app.inject({ url: '/auth/me', headers })).json();
    refused(t, await app.inject({ method: 'PATCH', url: `/users/${me.user.id}`, headers, payload: { role: key } }), 400, `role ${key}`);
    const csv = await app.inject({
      method: 'POST',
      url: '/movies/import',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: `title,${key}\nx,1\n`,
    });
    // Refused by the CSV reader (a name no record may have), or as an unknown field like in JSON.
    refused(t, csv, key === 'constructor' || key === '__proto__' ? 400 : 422, `CSV column ${key}`);
    if (csv.statusCode === 422) t.match(csv.json().import.report.errors, [{ path: `/${key}`, message: `unknown field ${key}` }]);
  }
});

t.test('a route that takes no body refuses one (400, like an unknown field) and still answers without one', async (t) => {
  const { app, as } = await buildAuthApp();
  const { headers } = await as('admin', 'root');
  const id = (await app.inject({ method: 'POST', url: '/movies', headers, payload: { title: 'Heat' } })).json().movie.id;
  const send = (url: string, payload?: string) =>
    app.inject({ method: 'POST', url, payload, headers: { ...headers, 'content-type': 'application/json' } });
  for (const url of [`/search_movies_id/${id}`, '/search_movies_id', '/auth/logout']) {
    for (const [payload, field] of [
      ['{"zzz":1}', 'zzz'],
      ['{"page":2,"limit":1}', 'page'],
    ] as const) {
      const answer = await send(url, payload);
      refused(t, answer, 400, `POST ${url} ${payload}`);
      t.match(answer.json(), {
        code: 'INVALID_REQUEST',
        details: [{ path: `/${field}`, message: `body/${field} unknown field ${field}` }],
      });
    }
    refused(t, await send(url, '[1]'), 400, `POST ${url} [1]`);
  }
  const remove = {
    method: 'DELETE',
    url: `/movies/${id}`,
    payload: '{"zzz":1}',
    headers: { ...headers, 'content-type': 'application/json' },
  } as const;
  refused(t, await app.inject(remove), 400, 'DELETE /movies/:id {"zzz":1}');
  const list = await send('/search_movies_id', '{}');
  t.match(list.json(), { success: true, page: 1, total: 1 }, 'an empty object carries nothing and is no body');
  for (const url of [`/search_movies_id/${id}`, '/search_movies_id', '/auth/logout']) {
    t.equal((await send(url)).statusCode, 200, `POST ${url} without a body`);
  }
});
