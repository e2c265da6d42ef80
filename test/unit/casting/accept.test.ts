import t from 'tap';
import { castingWorkflow, director, producer, TO_OFFER, TO_SHORTLIST } from './support.ts';

const MAY = { shootStart: '2026-05-01', shootEnd: '2026-05-31' };

async function scene(slots = 1) {
  const w = castingWorkflow();
  const movie = await w.movie({ title: 'Alien', ...MAY });
  const role = await w.createRole.execute({ movieId: movie.id, name: 'Ripley', slots });
  return { w, movie, role };
}

t.test('accepting casts the actor as the role, fills the role and rejects its other live auditions', async (t) => {
  const { w, movie, role } = await scene();
  const star = await w.actor({ name: 'Sigourney Weaver' });
  const offered = await w.auditionAt(role.id, star.id, TO_OFFER);
  const others = await Promise.all(
    ['Veronica', 'Meryl'].map(async (name, i) => w.auditionAt(role.id, (await w.actor({ name })).id, i ? TO_SHORTLIST : [])),
  );
  const accepted = await w.move.execute({ auditionId: offered.id, to: 'accepted', note: 'signed', by: producer });
  t.match(accepted.lastChange(), { from: 'offered', to: 'accepted', by: '3', note: 'signed' });
  t.same(await w.repos.castings.castOf(movie.id).then((cast) => cast.map((c) => [c.actor.id, c.character])), [[star.id, 'Ripley']]);
  t.match(await w.getRole.execute({ id: role.id }), { state: 'filled', version: 2 });
  for (const other of others) {
    const ended = await w.getAudition.execute({ id: other.id });
    t.equal(ended.state, 'rejected');
    t.match(ended.lastChange(), { to: 'rejected', by: '3', note: 'the role was filled' });
  }
  t.equal((await w.getAudition.execute({ id: offered.id })).state, 'accepted', 'the accepted audition stays accepted');
});

t.test('a role with two slots fills at the second accept', async (t) => {
  const { w, role } = await scene(2);
  const [a, b] = await Promise.all(['Kane', 'Lambert'].map(async (name) => w.auditionAt(role.id, (await w.actor({ name })).id, TO_OFFER)));
  await w.move.execute({ auditionId: a!.id, to: 'accepted', by: producer });
  t.equal((await w.getRole.execute({ id: role.id })).state, 'open');
  await w.move.execute({ auditionId: b!.id, to: 'accepted', by: producer });
  t.equal((await w.getRole.execute({ id: role.id })).state, 'filled');
});

t.test('an actor cannot accept a part whose shoot overlaps one already accepted: SCHEDULE_CONFLICT, nothing changes', async (t) => {
  const { w, role } = await scene();
  const star = await w.actor({ name: 'Sigourney Weaver' });
  await w.auditionAt(role.id, star.id, [...TO_OFFER, 'accepted']);
  const overlapping = await w.movie({ title: 'Ghostbusters', shootStart: '2026-05-31', shootEnd: '2026-07-01' });
  const clash = await w.createRole.execute({ movieId: overlapping.id, name: 'Dana' });
  const offered = await w.auditionAt(clash.id, star.id, TO_OFFER);
  await t.rejects(w.move.execute({ auditionId: offered.id, to: 'accepted', by: producer }), {
    code: 'SCHEDULE_CONFLICT',
    kind: 'conflict',
  });
  t.equal((await w.getAudition.execute({ id: offered.id })).state, 'offered');
  t.same(await w.repos.castings.castOf(overlapping.id), []);
  t.equal((await w.getRole.execute({ id: clash.id })).state, 'open');
  const later = await w.movie({ title: 'Working Girl', shootStart: '2026-06-01', shootEnd: '2026-06-30' });
  const free = await w.createRole.execute({ movieId: later.id, name: 'Katharine' });
  const next = await w.auditionAt(free.id, star.id, [...TO_OFFER, 'accepted']);
  t.equal(next.state, 'accepted', 'the next day is free');
  const unscheduled = await w.createRole.execute({ movieId: (await w.movie({ title: 'Avatar' })).id, name: 'Grace' });
  t.equal((await w.auditionAt(unscheduled.id, star.id, [...TO_OFFER, 'accepted'])).state, 'accepted', 'no shoot window, no clash');
});

t.test('a failing accept rolls back: an actor already cast in the movie keeps the offer open', async (t) => {
  const { w, movie, role } = await scene();
  const star = await w.actor({ name: 'Sigourney Weaver' });
  const offered = await w.auditionAt(role.id, star.id, TO_OFFER);
  const pending = await w.auditionAt(role.id, (await w.actor({ name: 'Meryl' })).id, []);
  const { Casting } = await import('../../../src/domain/casting.ts');
  await w.repos.castings.insert(Casting.create({ movieId: movie.id, actorId: star.id, character: 'Extra' }));
  await t.rejects(w.move.execute({ auditionId: offered.id, to: 'accepted', by: producer }), { code: 'CASTING_CONFLICT' });
  t.equal((await w.getAudition.execute({ id: offered.id })).state, 'offered');
  t.equal((await w.getAudition.execute({ id: pending.id })).state, 'invited');
  t.equal((await w.getRole.execute({ id: role.id })).state, 'open');
});

t.test('races, played one after the other: the second of two accepts, offers or invitations loses', async (t) => {
  const { w, movie, role } = await scene();
  const offered = await w.auditionAt(role.id, (await w.actor({ name: 'Sigourney' })).id, TO_OFFER);
  const accepts = await Promise.allSettled([1, 2].map(() => w.move.execute({ auditionId: offered.id, to: 'accepted', by: producer })));
  t.same(
    accepts.map((r) => r.status),
    ['fulfilled', 'rejected'],
  );
  t.match(accepts[1], { reason: { code: 'INVALID_TRANSITION' } });
  t.equal((await w.repos.castings.castOf(movie.id)).length, 1, 'cast once');
  const crew = await w.createRole.execute({ movieId: movie.id, name: 'Crew' });
  const shortlisted = await Promise.all(
    ['Kane', 'Ash'].map(async (name) => w.auditionAt(crew.id, (await w.actor({ name })).id, TO_SHORTLIST)),
  );
  const offers = await Promise.allSettled(shortlisted.map((a) => w.move.execute({ auditionId: a.id, to: 'offered', by: producer })));
  t.same(
    offers.map((r) => (r.status === 'fulfilled' ? 'offered' : (r.reason as { code: string }).code)),
    ['offered', 'NO_OPEN_SLOT'],
  );
  const dallas = await w.actor({ name: 'Dallas' });
  const invites = await Promise.allSettled(
    [1, 2].map(() => w.invite.execute({ roleId: crew.id, actorId: dallas.id, by: director.subject })),
  );
  t.match(invites[1], { status: 'rejected', reason: { code: 'ALREADY_AUDITIONING' } });
});

t.test('one actor, two overlapping offers accepted at once: one wins, the other is a SCHEDULE_CONFLICT', async (t) => {
  const { w, role } = await scene();
  const star = await w.actor({ name: 'Sigourney Weaver' });
  const other = await w.createRole.execute({ movieId: (await w.movie({ title: 'Aliens', ...MAY })).id, name: 'Ripley' });
  const offers = [await w.auditionAt(role.id, star.id, TO_OFFER), await w.auditionAt(other.id, star.id, TO_OFFER)];
  const results = await Promise.allSettled(offers.map((a) => w.move.execute({ auditionId: a.id, to: 'accepted', by: producer })));
  t.same(
    results.map((r) => (r.status === 'fulfilled' ? 'accepted' : (r.reason as { code: string }).code)),
    ['accepted', 'SCHEDULE_CONFLICT'],
  );
  t.equal((await w.schedule.execute({ actorId: star.id })).length, 1);
});
