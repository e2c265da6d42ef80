import t from 'tap';
import { E2E_ADMIN } from '../support/auth.ts';
import { startChildServer } from '../support/server.ts';
import { castingCrew } from './casting-crew.ts';
import { serverDatabase } from './postgres.ts';

/*
 * The casting workflow end to end (issue 12): the real server on PGlite, or on a fresh
 * PostgreSQL database when the run has DATABASE_URL, driven by people of each role through
 * the client typed from the OpenAPI document it serves.
 */
const database = await serverDatabase('casting');
t.teardown(() => database.drop());
const server = await startChildServer({ ...database.env, ...E2E_ADMIN });
t.teardown(() => server.stop('SIGKILL'));

const { producer, director, newMovie, newActor, newRole, invite, move, auditionOf } = await castingCrew(server.url);

t.test('a role is cast: invited, shortlisted, offered, accepted; the role fills and the rest are rejected', async (t) => {
  const alien = await newMovie('Alien', '2027-03-01', '2027-04-30');
  t.match(alien, { shoot_start: '2027-03-01', shoot_end: '2027-04-30' });
  const ripley = await newRole(alien.id, { name: 'Ripley', age_min: 25, age_max: 40, gender: 'female' });
  const lambert = await newRole(alien.id, { name: 'Lambert', gender: 'female' });
  t.match([ripley, lambert], [{ state: 'open', slots: 1 }, { state: 'open' }]);
  const sigourney = await newActor('Sigourney Weaver', 29, 'female');
  const veronica = await newActor('Veronica Cartwright', 29, 'female');
  const helen = await newActor('Helen Horton', 38, 'female');
  const tom = await newActor('Tom Skerritt', 45, 'male');

  const candidates = await director.GET('/roles/{id}/candidates', { params: { path: { id: ripley.id }, query: { sort: 'name.asc' } } });
  t.same(
    candidates.data!.actors.map((actor) => actor.name),
    ['Helen Horton', 'Sigourney Weaver', 'Veronica Cartwright'],
    'the candidates: every actor who fits, and not Tom',
  );

  const invited = [];
  for (const actor of [sigourney, veronica, helen]) {
    const { data, response } = await invite(ripley.id, actor.id);
    t.equal(response.status, 201, `${actor.name} invited`);
    invited.push(data!.audition);
  }
  const misfit = await invite(ripley.id, tom.id);
  t.equal(misfit.response.status, 422, 'Tom is refused');
  t.match(misfit.error, { success: false, error: 422, code: 'ACTOR_DOES_NOT_FIT' });
  const [star, rival, third] = invited as [(typeof invited)[number], (typeof invited)[number], (typeof invited)[number]];

  for (const audition of [star, rival]) {
    let etag = '"1"';
    for (const to of ['auditioned', 'shortlisted'] as const) {
      const moved = await move(director, audition.id, to, etag);
      t.equal(moved.response.status, 200, `→ ${to}`);
      etag = moved.response.headers.get('etag')!;
    }
    t.equal(etag, '"3"', 'each move is a version');
  }
  const stale = await move(director, star.id, 'rejected', '"1"');
  t.match({ status: stale.response.status, error: stale.error }, { status: 412, error: { success: false, error: 412 } });
  const notAllowed = await move(director, star.id, 'offered');
  t.match({ status: notAllowed.response.status, error: notAllowed.error }, { status: 403, error: { code: 'FORBIDDEN' } });

  t.equal((await move(producer, star.id, 'offered')).response.status, 200, 'the producer offers the part');
  const accepted = await move(producer, star.id, 'accepted');
  t.equal(accepted.response.status, 200, 'the offer is accepted');
  t.match(accepted.data!.audition, { state: 'accepted', version: 5 });
  t.match(
    accepted.data!.audition.history.map((change) => change.to),
    ['invited', 'auditioned', 'shortlisted', 'offered', 'accepted'],
  );

  const role = await director.GET('/roles/{id}', { params: { path: { id: ripley.id } } });
  t.equal(role.data!.role.state, 'filled', 'the one slot is taken: the role is filled');
  t.equal((await auditionOf(rival.id)).state, 'rejected', 'the shortlisted rival ends rejected');
  t.equal((await auditionOf(third.id)).state, 'rejected', 'the invited third ends rejected');
  t.match((await auditionOf(third.id)).history.at(-1), { from: 'invited', to: 'rejected' });
  const cast = await director.GET('/movies/{id}/actors', { params: { path: { id: alien.id } } });
  t.match(JSON.stringify(cast.data), /"character":"Ripley"/, 'the actor is cast under the role’s name');
  t.equal((await invite(ripley.id, tom.id)).error?.code, 'ROLE_NOT_OPEN', 'a filled role takes no one new');
  const reopen = await director.PATCH('/roles/{id}', { params: { path: { id: ripley.id } }, body: { state: 'open' } });
  t.match({ status: reopen.response.status, error: reopen.error }, { status: 409, error: { code: 'ROLE_STATE_CONFLICT' } });
  t.same((await director.GET('/roles/{id}', { params: { path: { id: ripley.id } } })).data, role.data, 'still filled, same version');

  const schedule = await director.GET('/actors/{id}/schedule', { params: { path: { id: sigourney.id } } });
  t.match(schedule.data, {
    actor_id: sigourney.id,
    schedule: [{ role_id: ripley.id, role_name: 'Ripley', movie_title: 'Alien', shoot_start: '2027-03-01', shoot_end: '2027-04-30' }],
  });

  t.test('an actor already cast in the movie: accepting is 409 CASTING_CONFLICT, the offer stays open', async (t) => {
    const direct = await producer.POST('/movies/{id}/actors', {
      params: { path: { id: alien.id } },
      body: { actor_id: veronica.id, character: 'Lambert' },
    });
    t.equal(direct.response.status, 201, 'cast directly, outside the workflow');
    const second = (await invite(lambert.id, veronica.id)).data!.audition;
    for (const to of ['auditioned', 'shortlisted', 'offered'] as const) await move(producer, second.id, to);
    const refused = await move(producer, second.id, 'accepted');
    t.match({ status: refused.response.status, error: refused.error }, { status: 409, error: { code: 'CASTING_CONFLICT' } });
    t.equal((await auditionOf(second.id)).state, 'offered');
  });

  t.test('the role changed after the invitation: offering or accepting a misfit is 422 ACTOR_DOES_NOT_FIT', async (t) => {
    const parker = await newRole(alien.id, { name: 'Parker', slots: 2 });
    const [yaphet, harry] = [await newActor('Yaphet Kotto', 56, 'female'), await newActor('Harry Dean Stanton', 56, 'female')];
    const shortlisted = (await invite(parker.id, yaphet.id)).data!.audition;
    const offered = (await invite(parker.id, harry.id)).data!.audition;
    for (const to of ['auditioned', 'shortlisted'] as const) await move(producer, shortlisted.id, to);
    for (const to of ['auditioned', 'shortlisted', 'offered'] as const) await move(producer, offered.id, to);
    const body = { gender: 'male', age_min: 10, age_max: 20 };
    t.equal((await director.PATCH('/roles/{id}', { params: { path: { id: parker.id } }, body })).response.status, 200);
    for (const [audition, to] of [
      [shortlisted, 'offered'],
      [offered, 'accepted'],
    ] as const) {
      const refused = await move(producer, audition.id, to);
      t.match({ status: refused.response.status, error: refused.error }, { status: 422, error: { code: 'ACTOR_DOES_NOT_FIT' } });
    }
    t.equal((await auditionOf(shortlisted.id)).state, 'shortlisted');
    t.equal((await auditionOf(offered.id)).state, 'offered');
    t.equal((await move(producer, offered.id, 'rejected')).response.status, 200, 'ending it is allowed');
  });

  t.test('an overlapping shoot elsewhere: the actor is no candidate, and accepting is 409 SCHEDULE_CONFLICT', async (t) => {
    const aliens = await newMovie('Aliens', '2027-04-15', '2027-06-30');
    const sequel = await newRole(aliens.id, { name: 'Ripley', gender: 'female' });
    const free = await director.GET('/roles/{id}/candidates', { params: { path: { id: sequel.id }, query: { q: 'sigourney' } } });
    t.match(free.data, { actors: [], total: 0 }, 'she is busy during the shoot');
    const offer = (await invite(sequel.id, sigourney.id)).data!.audition;
    for (const to of ['auditioned', 'shortlisted', 'offered'] as const) await move(producer, offer.id, to);
    const refused = await move(producer, offer.id, 'accepted');
    t.match({ status: refused.response.status, error: refused.error }, { status: 409, error: { code: 'SCHEDULE_CONFLICT' } });
    const after = await director.GET('/actors/{id}/schedule', { params: { path: { id: sigourney.id } } });
    t.equal(after.data!.schedule.length, 1, 'the schedule still holds only Alien');
    t.equal((await auditionOf(offer.id)).state, 'offered');
  });
});
