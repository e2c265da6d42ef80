import t from 'tap';
import { buildAuthApp } from '../support/auth.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function scene() {
  const auth = await buildAuthApp();
  const [producer, director, assistant] = await Promise.all([
    auth.as('executive_producer', 'pat'),
    auth.as('casting_director', 'dana'),
    auth.as('casting_assistant', 'ash'),
  ]);
  const call = async (who: { headers: { authorization: string } }, method: string, url: string, payload?: Json, headers: Json = {}) => {
    const response = await auth.app.inject({ method: method as 'GET', url, payload, headers: { ...who.headers, ...headers } });
    return { status: response.statusCode, body: (response.body ? response.json() : null) as Json, headers: response.headers };
  };
  const movie = (await call(producer, 'POST', '/movies', { title: 'Alien', shoot_start: '2026-05-01', shoot_end: '2026-05-31' })).body
    .movie;
  const actor = async (name: string, age = 30, gender = 'female') =>
    (await call(producer, 'POST', '/actors', { name, age, gender })).body.actor;
  return { auth, producer, director, assistant, call, movie, actor };
}

t.test('roles: create, read, list, change, close, delete — and each one’s failure', async (t) => {
  const { auth, producer, director, assistant, call, movie } = await scene();
  t.teardown(() => auth.app.close());
  t.match(movie, { shoot_start: '2026-05-01', shoot_end: '2026-05-31' }, 'movies carry their shoot window');
  t.match(await call(producer, 'PATCH', `/movies/${movie.id}`, { shoot_end: '2026-04-01' }), {
    status: 422,
    body: { code: 'VALIDATION_FAILED', details: [{ path: '/shoot_end' }] },
  });

  const created = await call(director, 'POST', `/movies/${movie.id}/roles`, { name: 'Ripley', age_min: 25, age_max: 40, gender: 'female' });
  t.match(created, {
    status: 201,
    body: { success: true, role: { movie_id: movie.id, name: 'Ripley', slots: 1, state: 'open', version: 1 } },
  });
  const role = created.body.role;
  t.equal(created.headers.location, `/roles/${role.id}`);
  t.equal(created.headers.etag, '"1"');
  t.match(await call(director, 'POST', `/movies/${movie.id}/roles`, { name: 'Ripley', age_min: 50, age_max: 20 }), {
    status: 422,
    body: { code: 'VALIDATION_FAILED' },
  });
  t.match(await call(director, 'POST', `/movies/${movie.id}/roles`, { name: 'Ripley', extra: 1 }), { status: 400 });
  t.match(await call(director, 'POST', '/movies/999/roles', { name: 'Ripley' }), { status: 404, body: { code: 'MOVIE_NOT_FOUND' } });
  t.match(await call(assistant, 'POST', `/movies/${movie.id}/roles`, { name: 'Ripley' }), { status: 403, body: { code: 'FORBIDDEN' } });

  t.match(await call(assistant, 'GET', `/roles/${role.id}`), { status: 200, body: { role: { id: role.id } } });
  t.equal((await call(assistant, 'GET', `/roles/${role.id}`, undefined, { 'if-none-match': '"1"' })).status, 304);
  t.match(await call(assistant, 'GET', '/roles/999'), { status: 404, body: { code: 'ROLE_NOT_FOUND' } });

  const listed = await call(assistant, 'GET', `/movies/${movie.id}/roles?sort=name.asc&limit=10`);
  t.match(listed, { status: 200, body: { roles: [{ id: role.id }], page: 1, limit: 10, total: 1, total_pages: 1 } });
  t.match(await call(assistant, 'GET', '/movies/999/roles'), { status: 404 });
  t.match(await call(assistant, 'GET', `/movies/${movie.id}/roles?sort=age.asc`), { status: 400 });

  t.match(await call(director, 'PATCH', `/roles/${role.id}`, { slots: 2 }, { 'if-match': '"1"' }), {
    status: 200,
    body: { role: { slots: 2, version: 2 } },
  });
  t.match(await call(director, 'PATCH', `/roles/${role.id}`, { slots: 3 }, { 'if-match': '"1"' }), {
    status: 412,
    body: { code: 'VERSION_MISMATCH' },
  });
  t.match(await call(director, 'PATCH', `/roles/${role.id}`, { state: 'filled' }), { status: 400 });
  t.match(await call(director, 'PATCH', `/roles/${role.id}`, { slots: 0 }), { status: 422 });
  t.match(await call(director, 'PATCH', `/roles/${role.id}`, { state: 'closed' }), { status: 200, body: { role: { state: 'closed' } } });
  t.match(await call(director, 'PATCH', '/roles/999', { name: 'x' }), { status: 404 });

  t.match(await call(director, 'DELETE', `/roles/${role.id}`, undefined, { 'if-match': '"1"' }), { status: 412 });
  t.match(await call(director, 'DELETE', `/roles/${role.id}`), { status: 200, body: { success: true, deleted: role.id } });
  t.match(await call(director, 'DELETE', `/roles/${role.id}`), { status: 404 });
});

t.test('auditions: invite, list, read, move — with every rule’s code', async (t) => {
  const { auth, producer, director, assistant, call, movie, actor } = await scene();
  t.teardown(() => auth.app.close());
  const role = (await call(director, 'POST', `/movies/${movie.id}/roles`, { name: 'Ripley', age_min: 25, age_max: 40, gender: 'female' }))
    .body.role;
  const [sigourney, tom] = [await actor('Sigourney Weaver'), await actor('Tom Skerritt', 45, 'male')];

  const invited = await call(director, 'POST', `/roles/${role.id}/auditions`, {
    actor_id: sigourney.id,
    scheduled_at: '2026-04-01T10:00:00.000Z',
    note: 'scene 4',
  });
  t.match(invited, {
    status: 201,
    body: { audition: { role_id: role.id, actor_id: sigourney.id, state: 'invited', scheduled_at: '2026-04-01T10:00:00.000Z' } },
  });
  t.match(invited.body.audition.history, [{ from: null, to: 'invited', note: 'scene 4' }]);
  const id = invited.body.audition.id;
  t.equal(invited.headers.location, `/auditions/${id}`);
  t.match(await call(director, 'POST', `/roles/${role.id}/auditions`, { actor_id: sigourney.id }), {
    status: 409,
    body: { code: 'ALREADY_AUDITIONING' },
  });
  t.match(await call(director, 'POST', `/roles/${role.id}/auditions`, { actor_id: tom.id }), {
    status: 422,
    body: { code: 'ACTOR_DOES_NOT_FIT', details: [{ path: '/age' }, { path: '/gender' }] },
  });
  t.match(await call(director, 'POST', `/roles/${role.id}/auditions`, { actor_id: 999 }), {
    status: 404,
    body: { code: 'ACTOR_NOT_FOUND' },
  });
  t.match(await call(director, 'POST', '/roles/999/auditions', { actor_id: sigourney.id }), {
    status: 404,
    body: { code: 'ROLE_NOT_FOUND' },
  });
  t.match(await call(director, 'POST', `/roles/${role.id}/auditions`, { actor_id: 'one' }), { status: 400 });
  t.match(await call(assistant, 'POST', `/roles/${role.id}/auditions`, { actor_id: sigourney.id }), { status: 403 });

  t.match(await call(assistant, 'GET', `/roles/${role.id}/auditions?state=invited`), {
    status: 200,
    body: { auditions: [{ id }], total: 1 },
  });
  t.match(await call(assistant, 'GET', `/roles/${role.id}/auditions?state=famous`), { status: 400 });
  t.match(await call(assistant, 'GET', '/roles/999/auditions'), { status: 404 });
  t.match(await call(assistant, 'GET', `/auditions/${id}`), { status: 200, body: { audition: { id, version: 1 } } });
  t.equal((await call(assistant, 'GET', `/auditions/${id}`, undefined, { 'if-none-match': '"1"' })).status, 304);
  t.match(await call(assistant, 'GET', '/auditions/999'), { status: 404, body: { code: 'AUDITION_NOT_FOUND' } });

  const move = (who: typeof director, to: string, headers: Json = {}) =>
    call(who, 'POST', `/auditions/${id}/transitions`, { to, note: `to ${to}` }, headers);
  t.match(await move(director, 'accepted'), { status: 409, body: { code: 'INVALID_TRANSITION' } });
  t.match(await move(director, 'auditioned', { 'if-match': '"5"' }), { status: 412 });
  t.match(await move(director, 'auditioned', { 'if-match': '"1"' }), {
    status: 200,
    body: { audition: { state: 'auditioned', version: 2 } },
  });
  t.match(await move(director, 'shortlisted'), { status: 200 });
  t.match(await move(director, 'offered'), { status: 403, body: { code: 'FORBIDDEN' } });
  t.match(await move(assistant, 'rejected'), { status: 403 });
  t.match(await call(director, 'POST', `/auditions/${id}/transitions`, { to: 'famous' }), { status: 400 });
  t.match(await call(director, 'POST', '/auditions/999/transitions', { to: 'rejected' }), { status: 404 });
  const offered = await move(producer, 'offered');
  t.match(offered, { status: 200, body: { audition: { state: 'offered' } } });
  t.match(offered.body.audition.history.at(-1), { from: 'shortlisted', to: 'offered', note: 'to offered' });

  const other = await actor('Veronica Cartwright', 33);
  const second = (await call(director, 'POST', `/roles/${role.id}/auditions`, { actor_id: other.id })).body.audition;
  for (const to of ['auditioned', 'shortlisted']) await call(director, 'POST', `/auditions/${second.id}/transitions`, { to });
  t.match(await call(producer, 'POST', `/auditions/${second.id}/transitions`, { to: 'offered' }), {
    status: 409,
    body: { code: 'NO_OPEN_SLOT' },
  });
});

t.test('the role changed after the invitation: offering or accepting a misfit is 422 ACTOR_DOES_NOT_FIT, ending is not', async (t) => {
  const { auth, producer, director, call, movie, actor } = await scene();
  t.teardown(() => auth.app.close());
  const role = (await call(director, 'POST', `/movies/${movie.id}/roles`, { name: 'Ripley', slots: 2 })).body.role;
  const [shortlisted, offered] = [await actor('Sigourney Weaver', 56), await actor('Veronica Cartwright', 56)];
  const walk = async (actorId: number, path: string[]) => {
    const id = (await call(director, 'POST', `/roles/${role.id}/auditions`, { actor_id: actorId })).body.audition.id as number;
    for (const to of path) await call(producer, 'POST', `/auditions/${id}/transitions`, { to });
    return (await call(producer, 'GET', `/auditions/${id}`)).body.audition;
  };
  const [first, second] = [
    await walk(shortlisted.id, ['auditioned', 'shortlisted']),
    await walk(offered.id, ['auditioned', 'shortlisted', 'offered']),
  ];
  const edited = await call(director, 'PATCH', `/roles/${role.id}`, { gender: 'male', age_min: 10, age_max: 20 });
  t.equal(edited.status, 200);
  const misfit = {
    status: 422,
    body: { success: false, error: 422, code: 'ACTOR_DOES_NOT_FIT', details: [{ path: '/age' }, { path: '/gender' }] },
  };
  t.match(await call(producer, 'POST', `/auditions/${first.id}/transitions`, { to: 'offered' }), misfit);
  t.match(await call(producer, 'POST', `/auditions/${second.id}/transitions`, { to: 'accepted' }), misfit);
  t.same((await call(producer, 'GET', `/auditions/${first.id}`)).body.audition, first, 'nothing changed');
  t.same((await call(producer, 'GET', `/auditions/${second.id}`)).body.audition, second);
  t.same((await call(producer, 'GET', `/roles/${role.id}`)).body.role, edited.body.role, 'the role not filled');
  t.same((await call(producer, 'GET', `/movies/${movie.id}/actors`)).body.actors, [], 'nobody cast');
  t.match(await call(director, 'POST', `/auditions/${first.id}/transitions`, { to: 'withdrawn' }), { status: 200 });
  t.match(await call(producer, 'POST', `/auditions/${second.id}/transitions`, { to: 'declined' }), { status: 200 });
});

t.test('the story: accept casts, fills the role, rejects the rest; schedules and candidates; SCHEDULE_CONFLICT elsewhere', async (t) => {
  const { auth, producer, director, assistant, call, movie, actor } = await scene();
  t.teardown(() => auth.app.close());
  const role = (await call(producer, 'POST', `/movies/${movie.id}/roles`, { name: 'Ripley', age_min: 25, age_max: 40 })).body.role;
  const [star, rival, free] = [await actor('Sigourney Weaver'), await actor('Meryl Streep', 35), await actor('Helen Mirren', 39)];
  const invite = async (roleId: number, actorId: number) =>
    (await call(director, 'POST', `/roles/${roleId}/auditions`, { actor_id: actorId })).body.audition.id as number;
  const walk = async (id: number, path: string[]) => {
    for (const to of path) t.equal((await call(producer, 'POST', `/auditions/${id}/transitions`, { to })).status, 200, `→ ${to}`);
  };
  const starId = await invite(role.id, star.id);
  const rivalId = await invite(role.id, rival.id);
  t.match(await call(assistant, 'GET', `/roles/${role.id}/candidates?sort=name.asc`), {
    status: 200,
    body: { actors: [{ id: free.id }], total: 1 },
  });
  t.match(await call(assistant, 'GET', '/roles/999/candidates'), { status: 404 });
  t.match(await call(assistant, 'GET', `/roles/${role.id}/candidates?movie=1`), { status: 400 });
  await walk(starId, ['auditioned', 'shortlisted', 'offered', 'accepted']);
  const filled = await call(assistant, 'GET', `/roles/${role.id}`);
  t.match(filled, { body: { role: { state: 'filled' } } });
  t.match(await call(director, 'PATCH', `/roles/${role.id}`, { state: 'open' }), {
    status: 409,
    body: { success: false, error: 409, code: 'ROLE_STATE_CONFLICT' },
  });
  t.same(
    (await call(assistant, 'GET', `/roles/${role.id}`)).body,
    filled.body,
    'a filled role is not reopened: nothing changed, same version',
  );
  t.match(await call(director, 'PATCH', `/roles/${role.id}`, { state: 'closed' }), { status: 200, body: { role: { state: 'closed' } } });
  t.match(await call(director, 'PATCH', `/roles/${role.id}`, { state: 'open' }), { status: 409, body: { code: 'ROLE_STATE_CONFLICT' } });
  t.match(await call(director, 'PATCH', `/roles/${role.id}`, { state: 'open', slots: 2 }), {
    status: 200,
    body: { role: { state: 'open' } },
  });
  t.match(await call(director, 'PATCH', `/roles/${role.id}`, { slots: 1 }), { status: 200, body: { role: { state: 'filled' } } });
  t.match(await call(assistant, 'GET', `/auditions/${rivalId}`), { body: { audition: { state: 'rejected' } } });
  t.match(await call(assistant, 'GET', `/movies/${movie.id}/actors`), { body: { actors: [{ id: star.id, character: 'Ripley' }] } });
  t.match(await call(assistant, 'GET', `/actors/${star.id}/schedule`), {
    status: 200,
    body: {
      actor_id: star.id,
      schedule: [{ role_id: role.id, role_name: 'Ripley', movie_title: 'Alien', shoot_start: '2026-05-01', shoot_end: '2026-05-31' }],
    },
  });
  t.match(await call(assistant, 'GET', '/actors/999/schedule'), { status: 404 });
  const sequel = (await call(producer, 'POST', '/movies', { title: 'Aliens', shoot_start: '2026-05-15', shoot_end: '2026-06-15' })).body
    .movie;
  const sequelRole = (await call(producer, 'POST', `/movies/${sequel.id}/roles`, { name: 'Ripley' })).body.role;
  const sequelId = await invite(sequelRole.id, star.id);
  await walk(sequelId, ['auditioned', 'shortlisted', 'offered']);
  t.match(await call(producer, 'POST', `/auditions/${sequelId}/transitions`, { to: 'accepted' }), {
    status: 409,
    body: { code: 'SCHEDULE_CONFLICT' },
  });
  t.match(await call(director, 'POST', `/roles/${role.id}/auditions`, { actor_id: free.id }), {
    status: 409,
    body: { code: 'ROLE_NOT_OPEN' },
  });
});

t.test('moving a shoot onto another accepted part of its cast: 409 SCHEDULE_CONFLICT, nothing changed', async (t) => {
  const { auth, producer, director, call, actor } = await scene();
  t.teardown(() => auth.app.close());
  const star = await actor('Sigourney Weaver');
  const accepted = async (title: string, shoot_start: string, shoot_end: string) => {
    const movie = (await call(producer, 'POST', '/movies', { title, shoot_start, shoot_end })).body.movie;
    const role = (await call(producer, 'POST', `/movies/${movie.id}/roles`, { name: `Lead of ${title}` })).body.role;
    const id = (await call(director, 'POST', `/roles/${role.id}/auditions`, { actor_id: star.id })).body.audition.id;
    for (const to of ['auditioned', 'shortlisted', 'offered', 'accepted'])
      await call(producer, 'POST', `/auditions/${id}/transitions`, { to });
    return { movie, role };
  };
  const w1 = await accepted('W1', '2028-01-01', '2028-01-31');
  const w2 = await accepted('W2', '2028-03-01', '2028-03-31');
  const before = await call(producer, 'GET', `/movies/${w2.movie.id}`);
  t.match(await call(producer, 'PATCH', `/movies/${w2.movie.id}`, { shoot_start: '2028-01-15', shoot_end: '2028-02-15' }), {
    status: 409,
    body: {
      success: false,
      error: 409,
      code: 'SCHEDULE_CONFLICT',
      message: `actor ${star.id} has accepted role ${w1.role.id}, whose shoot overlaps this one`,
    },
  });
  t.same((await call(producer, 'GET', `/movies/${w2.movie.id}`)).body, before.body, 'nothing changed, same version');
  t.match(await call(producer, 'GET', `/actors/${star.id}/schedule`), {
    body: {
      schedule: [
        { shoot_start: '2028-01-01', shoot_end: '2028-01-31' },
        { shoot_start: '2028-03-01', shoot_end: '2028-03-31' },
      ],
    },
  });
  t.match(await call(producer, 'PATCH', `/movies/${w2.movie.id}`, { shoot_start: '2028-02-01', shoot_end: '2028-02-28' }), {
    status: 200,
    body: { movie: { shoot_start: '2028-02-01', shoot_end: '2028-02-28' } },
  });
});

t.test('the OpenAPI document describes the state graph from the table', async (t) => {
  const { auth } = await scene();
  t.teardown(() => auth.app.close());
  const document = (await auth.app.inject('/docs/json')).json();
  const description: string = document.paths['/auditions/{id}/transitions'].post.description;
  t.match(description, '`offered` → `accepted` (make:offers), `declined` (make:offers)');
  t.match(description, '`invited` → `auditioned` (manage:auditions)');
  t.match(description, '409 `CASTING_CONFLICT` and changes nothing', 'accepting for an actor already cast in the movie');
  t.match(description, 'Offering and accepting check again that the actor fits the role as it is now (422 `ACTOR_DOES_NOT_FIT`');
  t.match(document.paths['/roles/{id}'].patch.description, '409 `ROLE_STATE_CONFLICT`');
  t.ok(document.paths['/roles/{id}'].patch.responses['409'], 'PATCH /roles/{id} lists its 409');
  t.match(document.paths['/movies/{id}'].patch.description, '409 `SCHEDULE_CONFLICT`');
  t.ok(document.paths['/movies/{id}'].patch.responses['409'], 'PATCH /movies/{id} lists its 409');
});
