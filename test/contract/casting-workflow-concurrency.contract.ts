import type { Test } from 'tap';
import { InviteActor } from '../../src/application/auditions/invite-actor.ts';
import { MoveAudition } from '../../src/application/auditions/move-audition.ts';
import { UpdateMovie } from '../../src/application/movies/update-movie.ts';
import { UpdateRole } from '../../src/application/roles/update-role.ts';
import { overlaps } from '../../src/domain/shoot-window.ts';
import { permissionsOf } from '../../src/domain/permissions.ts';
import { newActor, newMovie } from './catalog-factory.ts';
import { type CastingWorkflowAdapters, type CastingWorkflowFactory, newRole, storedAudition } from './casting-workflow-factory.ts';

const RACERS = 20;
const producer = { subject: '3', permissions: permissionsOf('executive_producer') };
const clock = { now: () => new Date() };
const MAY = { shootStart: '2026-05-01', shootEnd: '2026-05-31' };
const MARCH = { shootStart: '2026-03-01', shootEnd: '2026-03-31' };
const OFFER = ['auditioned', 'shortlisted', 'offered'] as const;

/** How each racer ended: 'won', or the code it was refused with. */
async function race(runs: (() => Promise<unknown>)[]): Promise<string[]> {
  const results = await Promise.allSettled(runs.map((run) => run()));
  return results.map((r) => (r.status === 'fulfilled' ? 'won' : String((r.reason as { code?: string }).code ?? r.reason)));
}

const tally = (outcomes: string[]) => outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});

async function actors(a: CastingWorkflowAdapters, n: number) {
  return Promise.all(Array.from({ length: n }, (_, i) => a.actors.insert(newActor({ name: `Racer ${i}` }))));
}

/**
 * The rules a race could break, raced: 20 requests at once through the use cases. Exactly
 * one may win each time; the store (locks, a partial unique index) decides, not a check
 * made before the write.
 */
export function castingWorkflowConcurrency(t: Test, fresh: CastingWorkflowFactory): void {
  t.test(`${RACERS} accepts of the last slot at once: exactly one wins, the actor is cast once`, async (t) => {
    const a = await fresh();
    const movie = await a.movies.insert(newMovie({ title: 'Alien' }));
    const role = await a.roles.insert(newRole({ movieId: movie.id, slots: 1 }));
    const [star, other] = await actors(a, 2);
    const offered = await storedAudition(a, role.id, star!.id, ['auditioned', 'shortlisted', 'offered']);
    const pending = await storedAudition(a, role.id, other!.id, ['auditioned']);
    const move = new MoveAudition(a.castingDesk, clock);
    const outcomes = await race(
      Array.from({ length: RACERS }, () => () => move.execute({ auditionId: offered.id, to: 'accepted', by: producer })),
    );
    t.same(tally(outcomes), { won: 1, INVALID_TRANSITION: RACERS - 1 });
    t.equal((await a.castings.castOf(movie.id)).length, 1);
    t.equal((await a.roles.findById(role.id))?.state, 'filled');
    t.equal((await a.auditions.findById(pending.id))?.state, 'rejected');
    t.equal((await a.auditions.findById(offered.id))?.history.length, 5, 'one accept recorded');
  });

  t.test(`${RACERS} offers at a one-slot role at once: exactly one wins, the rest NO_OPEN_SLOT`, async (t) => {
    const a = await fresh();
    const role = await a.roles.insert(newRole({ movieId: (await a.movies.insert(newMovie({ title: 'Alien' }))).id, slots: 1 }));
    const shortlisted = await Promise.all(
      (await actors(a, RACERS)).map((x) => storedAudition(a, role.id, x.id, ['auditioned', 'shortlisted'])),
    );
    const move = new MoveAudition(a.castingDesk, clock);
    const outcomes = await race(shortlisted.map((x) => () => move.execute({ auditionId: x.id, to: 'offered', by: producer })));
    t.same(tally(outcomes), { won: 1, NO_OPEN_SLOT: RACERS - 1 });
    t.equal((await a.auditions.list({ roleId: role.id, state: 'offered' }, { page: 1, limit: 100, sort: [] })).total, 1);
  });

  t.test(`${RACERS} accepts of overlapping parts by one actor at once: exactly one wins, the rest SCHEDULE_CONFLICT`, async (t) => {
    const a = await fresh();
    const [star] = await actors(a, 1);
    const offers = [];
    for (let i = 0; i < RACERS; i++) {
      const movie = await a.movies.insert(newMovie({ title: `Shoot ${i}`, ...MAY }));
      const role = await a.roles.insert(newRole({ movieId: movie.id }));
      offers.push(await storedAudition(a, role.id, star!.id, ['auditioned', 'shortlisted', 'offered']));
    }
    const move = new MoveAudition(a.castingDesk, clock);
    const outcomes = await race(offers.map((x) => () => move.execute({ auditionId: x.id, to: 'accepted', by: producer })));
    t.same(tally(outcomes), { won: 1, SCHEDULE_CONFLICT: RACERS - 1 });
    t.equal((await a.availability.scheduleOf(star!.id)).length, 1);
  });

  t.test(`${RACERS} invitations of one actor to one role at once: exactly one, the rest ALREADY_AUDITIONING`, async (t) => {
    const a = await fresh();
    const role = await a.roles.insert(newRole({ movieId: (await a.movies.insert(newMovie({ title: 'Alien' }))).id }));
    const [star] = await actors(a, 1);
    const invite = new InviteActor(a.castingDesk, clock);
    const outcomes = await race(
      Array.from({ length: RACERS }, () => () => invite.execute({ roleId: role.id, actorId: star!.id, by: '2' })),
    );
    t.same(tally(outcomes), { won: 1, ALREADY_AUDITIONING: RACERS - 1 });
  });

  t.test(`${RACERS} offers racing a role edit that makes the actors misfits: none is offered after the edit`, async (t) => {
    const a = await fresh();
    const role = await a.roles.insert(newRole({ movieId: (await a.movies.insert(newMovie({ title: 'Alien' }))).id, slots: RACERS }));
    const shortlisted = await Promise.all(
      (await actors(a, RACERS)).map((x) => storedAudition(a, role.id, x.id, ['auditioned', 'shortlisted'])),
    );
    // Both use cases read the clock under the role's lock: its ticks give the order they held it in.
    let tick = Date.parse('2027-01-01T00:00:00.000Z');
    const ticking = { now: () => new Date((tick += 1000)) };
    const [move, update] = [new MoveAudition(a.castingDesk, ticking), new UpdateRole(a.castingDesk, ticking)];
    const offers = shortlisted.map((x) => () => move.execute({ auditionId: x.id, to: 'offered', by: producer }));
    const edit = () => update.execute({ id: role.id, patch: { ageMin: 100 }, by: '2' });
    const outcomes = await race([...offers.slice(0, RACERS / 2), edit, ...offers.slice(RACERS / 2)]);
    t.same(
      Object.keys(tally(outcomes)).filter((o) => o !== 'won' && o !== 'ACTOR_DOES_NOT_FIT'),
      [],
      'won or refused as misfits',
    );
    const edited = (await a.roles.findById(role.id))!;
    t.equal(edited.ageMin, 100, 'the edit went through');
    const offered = await a.auditions.list({ roleId: role.id, state: 'offered' }, { page: 1, limit: 100, sort: [] });
    t.equal(offered.total, outcomes.filter((o) => o === 'won').length - 1, 'each won offer stored, the refused ones not');
    const late = offered.items.filter((x) => x.lastChange().at > edited.updatedAt);
    t.same(late, [], 'every offer made before the edit');
  });

  t.test(`${RACERS} accepts in May racing a move of the actor's accepted March shoot to May: exactly one wins`, async (t) => {
    const a = await fresh();
    const [star] = await actors(a, 1);
    const march = await a.movies.insert(newMovie({ title: 'March', ...MARCH }));
    await storedAudition(a, (await a.roles.insert(newRole({ movieId: march.id }))).id, star!.id, [...OFFER, 'accepted']);
    const offers = [];
    for (let i = 0; i < RACERS; i++) {
      const role = await a.roles.insert(newRole({ movieId: (await a.movies.insert(newMovie({ title: `May ${i}`, ...MAY }))).id }));
      offers.push(await storedAudition(a, role.id, star!.id, [...OFFER]));
    }
    const [move, update] = [new MoveAudition(a.castingDesk, clock), new UpdateMovie(a.castingDesk, clock)];
    const accepts = offers.map((x) => () => move.execute({ auditionId: x.id, to: 'accepted', by: producer }));
    const reschedule = () => update.execute({ id: march.id, patch: MAY });
    const outcomes = await race([...accepts.slice(0, RACERS / 2), reschedule, ...accepts.slice(RACERS / 2)]);
    t.same(tally(outcomes), { won: 1, SCHEDULE_CONFLICT: RACERS });
    t.same(clashes(await a.availability.scheduleOf(star!.id)), [], 'no two accepted parts overlap');
  });

  t.test(`${RACERS} accepts into a movie racing a move of its shoot onto the actors' other parts: no overlap left`, async (t) => {
    const a = await fresh();
    const cast = await actors(a, RACERS);
    const moving = await a.movies.insert(newMovie({ title: 'Moving', ...MARCH }));
    const role = await a.roles.insert(newRole({ movieId: moving.id, slots: RACERS }));
    const offers = [];
    for (const actor of cast) {
      const elsewhere = await a.roles.insert(
        newRole({ movieId: (await a.movies.insert(newMovie({ title: `May ${actor.id}`, ...MAY }))).id }),
      );
      await storedAudition(a, elsewhere.id, actor.id, [...OFFER, 'accepted']);
      offers.push(await storedAudition(a, role.id, actor.id, [...OFFER]));
    }
    const [move, update] = [new MoveAudition(a.castingDesk, clock), new UpdateMovie(a.castingDesk, clock)];
    const accepts = offers.map((x) => () => move.execute({ auditionId: x.id, to: 'accepted', by: producer }));
    const reschedule = () => update.execute({ id: moving.id, patch: MAY });
    const outcomes = await race([...accepts.slice(0, RACERS / 2), reschedule, ...accepts.slice(RACERS / 2)]);
    t.same(
      Object.keys(tally(outcomes)).filter((o) => o !== 'won' && o !== 'SCHEDULE_CONFLICT'),
      [],
      'won or SCHEDULE_CONFLICT',
    );
    for (const actor of cast) t.same(clashes(await a.availability.scheduleOf(actor.id)), [], `actor ${actor.id}: no overlap`);
  });
}

/** Pairs of parts in a schedule whose shoots overlap. */
function clashes(parts: { roleId: number; shoot: { start: string; end: string } | null }[]): number[][] {
  return parts.flatMap((p, i) =>
    parts
      .slice(i + 1)
      .filter((q) => overlaps(p.shoot, q.shoot))
      .map((q) => [p.roleId, q.roleId]),
  );
}
