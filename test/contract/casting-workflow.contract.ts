import type { Test } from 'tap';
import { Audition } from '../../src/domain/audition.ts';
import { Casting } from '../../src/domain/casting.ts';
import { firstPage, newActor, newMovie, nextInstant } from './catalog-factory.ts';
import { type CastingWorkflowFactory, newRole, storedAudition } from './casting-workflow-factory.ts';

const OFFERED = ['auditioned', 'shortlisted', 'offered'] as const;

/** The behaviour every adapter of RoleRepository, AuditionRepository, CastingDesk and ActorAvailability must show. */
export function castingWorkflowContract(t: Test, fresh: CastingWorkflowFactory): void {
  t.test('a movie keeps its shoot window', async (t) => {
    const { movies } = await fresh();
    const movie = await movies.insert(newMovie({ title: 'Alien', shootStart: '2026-05-01', shootEnd: '2026-05-31' }));
    t.same((await movies.findById(movie.id))?.shootWindow(), { start: '2026-05-01', end: '2026-05-31' });
    const moved = movie.withChanges({ shootStart: null, shootEnd: null }, nextInstant());
    t.ok(await movies.update(moved, movie.version));
    t.equal((await movies.findById(movie.id))?.shootWindow(), null);
  });

  t.test('the desk saves a movie it locked, at the expected version, keeping its natural key unique', async (t) => {
    const { movies, castingDesk } = await fresh();
    const movie = await movies.insert(newMovie({ title: 'Alien', ...{ shootStart: '2026-05-01', shootEnd: '2026-05-31' } }));
    await movies.insert(newMovie({ title: 'Heat' }));
    const moved = movie.withChanges({ shootStart: '2026-06-01', shootEnd: '2026-06-30' }, nextInstant());
    await castingDesk.transaction(async (tx) => {
      t.same(await tx.lockMovie(movie.id, 'update'), movie);
      t.equal(await tx.lockMovie(movie.id + 1000, 'update'), null);
      t.equal(await tx.saveMovie(moved, movie.version + 5), false, 'a stale version saves nothing');
      t.equal(await tx.saveMovie(moved, movie.version), true);
      t.same(await tx.actorsAcceptedIn(movie.id), []);
    });
    t.same(await movies.findById(movie.id), moved);
    const clash = moved.withChanges({ title: 'Heat' }, nextInstant());
    await t.rejects(
      castingDesk.transaction((tx) => tx.saveMovie(clash, moved.version)),
      { code: 'MOVIE_CONFLICT', kind: 'conflict' },
    );
    t.same(await movies.findById(movie.id), moved);
  });

  t.test('roles: stored exactly, listed per movie, deleted with their auditions and with their movie', async (t) => {
    const a = await fresh();
    const movie = await a.movies.insert(newMovie({ title: 'Alien' }));
    const role = await a.roles.insert(
      newRole({ movieId: movie.id, name: 'Ripley', description: 'Warrant officer', ageMin: 25, ageMax: 40, gender: 'female', slots: 2 }),
    );
    t.ok(role.id > 0);
    t.same(await a.roles.findById(role.id), role, 'a round trip keeps every field, to the millisecond');
    await t.rejects(a.roles.insert(newRole({ movieId: movie.id + 1000 })), { code: 'MOVIE_NOT_FOUND', kind: 'not_found' });
    const ash = await a.roles.insert(newRole({ movieId: movie.id, name: 'Ash', slots: 2 }));
    await a.roles.insert(newRole({ movieId: (await a.movies.insert(newMovie({ title: 'Heat' }))).id, name: 'Other movie' }));
    const bySlots = await a.roles.list({ movieId: movie.id }, { page: 1, limit: 1, sort: [{ field: 'slots', direction: 'desc' }] });
    t.same([bySlots.items.map((r) => r.name), bySlots.total], [['Ripley'], 2], 'equal slots: id decides');
    t.same((await a.roles.list({ movieId: movie.id, state: 'closed' }, firstPage)).items, []);
    const audition = await storedAudition(a, ash.id, (await a.actors.insert(newActor({ name: 'Ian Holm' }))).id);
    t.equal(await a.roles.delete(ash.id, 7), false, 'a stale version deletes nothing');
    t.equal(await a.roles.delete(ash.id, 1), true);
    t.equal(await a.auditions.findById(audition.id), null, 'its auditions went with it');
    t.equal(await a.roles.delete(ash.id), false);
    await a.movies.delete(movie.id);
    t.equal(await a.roles.findById(role.id), null, 'a movie’s roles go with it');
  });

  t.test('auditions: stored with their history; one live audition per actor and role', async (t) => {
    const a = await fresh();
    const role = await a.roles.insert(newRole({ movieId: (await a.movies.insert(newMovie({ title: 'Alien' }))).id }));
    const actor = await a.actors.insert(newActor({ name: 'Sigourney Weaver' }));
    const scheduledAt = new Date('2026-04-01T10:30:00.123Z');
    const invited = await a.castingDesk.transaction((tx) =>
      tx.insertAudition(Audition.invite({ roleId: role.id, actorId: actor.id, scheduledAt, by: '7', note: 'scene 4' }, nextInstant())),
    );
    t.same(await a.auditions.findById(invited.id), invited, 'a round trip keeps every field and the history');
    const moved = invited.moveTo('auditioned', 'auth0|abc', nextInstant(), 'good').moveTo('withdrawn', '7', nextInstant());
    await a.castingDesk.transaction(async (tx) => {
      await tx.saveAudition(invited.moveTo('auditioned', 'auth0|abc', moved.history[1]!.at, 'good'));
      await tx.saveAudition(moved);
    });
    t.same(await a.auditions.findById(invited.id), moved, 'each save appends its change');
    const again = await storedAudition(a, role.id, actor.id, ['auditioned']);
    await t.rejects(storedAudition(a, role.id, actor.id), { code: 'ALREADY_AUDITIONING', kind: 'conflict' });
    await storedAudition(a, role.id, (await a.actors.insert(newActor({ name: 'Meryl Streep' }))).id);
    const listed = await a.auditions.list({ roleId: role.id, state: 'auditioned' }, firstPage);
    t.same(listed.items, [await a.auditions.findById(again.id)]);
    const paged = await a.auditions.list({ roleId: role.id }, { page: 2, limit: 2, sort: [{ field: 'created_at', direction: 'asc' }] });
    t.same([paged.items.length, paged.total], [1, 3]);
  });

  t.test('the desk: counts, pending auditions, castings, accepted parts, and a rollback that undoes everything', async (t) => {
    const a = await fresh();
    const movie = await a.movies.insert(newMovie({ title: 'Alien', shootStart: '2026-05-01', shootEnd: '2026-05-31' }));
    const role = await a.roles.insert(newRole({ movieId: movie.id, name: 'Crew', slots: 3 }));
    const [kane, dallas, brett] = await Promise.all(['Kane', 'Dallas', 'Brett'].map((name) => a.actors.insert(newActor({ name }))));
    const accepted = await storedAudition(a, role.id, kane!.id, [...OFFERED, 'accepted']);
    const offered = await storedAudition(a, role.id, dallas!.id, [...OFFERED]);
    const declined = await storedAudition(a, role.id, brett!.id, [...OFFERED, 'declined']);
    const declinedStored = await a.auditions.findById(declined.id);
    // Inside a transaction, only `tx` may be used: PGlite's one connection is held by it.
    await a.castingDesk.transaction(async (tx) => {
      t.same(await tx.slotCounts(role.id), { taken: 2, accepted: 1 });
      t.same(
        (await tx.lockPendingAuditions(role.id)).map((x) => x.id),
        [offered.id],
      );
      t.same(await tx.lockRole(role.id), role);
      t.same(await tx.lockAudition(declined.id), declinedStored);
      t.same(await tx.lockActor(kane!.id), kane);
      t.same(await tx.lockMovie(movie.id, 'share'), movie);
      t.same(await tx.acceptedParts(kane!.id), [
        {
          auditionId: accepted.id,
          roleId: role.id,
          roleName: 'Crew',
          movieId: movie.id,
          movieTitle: 'Alien',
          shoot: { start: '2026-05-01', end: '2026-05-31' },
        },
      ]);
      t.same(await tx.acceptedParts(dallas!.id), []);
      t.same(await tx.actorsAcceptedIn(movie.id), [kane!.id], 'only accepted parts count');
    });
    const failure = new Error('changed my mind');
    await t.rejects(
      a.castingDesk.transaction(async (tx) => {
        await tx.saveRole(role.settled(3, nextInstant()));
        await tx.saveAudition((await tx.lockAudition(offered.id))!.moveTo('accepted', '1', nextInstant()));
        await tx.insertCasting(Casting.create({ movieId: movie.id, actorId: dallas!.id, character: 'Crew' }));
        await tx.insertAudition(Audition.invite({ roleId: role.id, actorId: brett!.id, by: '1' }, nextInstant()));
        throw failure;
      }),
      failure,
      'the error of work comes back unchanged',
    );
    t.same(await a.roles.findById(role.id), role, 'the role as it was');
    t.same(await a.auditions.findById(offered.id), offered, 'the audition as it was');
    t.same(await a.castings.castOf(movie.id), [], 'no casting');
    t.equal((await a.auditions.list({ roleId: role.id }, firstPage)).total, 3, 'no new audition');
    await a.castingDesk.transaction((tx) => tx.insertCasting(Casting.create({ movieId: movie.id, actorId: kane!.id, character: 'Crew' })));
    await t.rejects(
      a.castingDesk.transaction((tx) => tx.insertCasting(Casting.create({ movieId: movie.id, actorId: kane!.id }))),
      { code: 'CASTING_CONFLICT' },
    );
  });

  t.test('availability: candidates fit, are not auditioning and are free; a schedule in shoot order', async (t) => {
    const a = await fresh();
    const may = await a.movies.insert(newMovie({ title: 'Alien', shootStart: '2026-05-01', shootEnd: '2026-05-31' }));
    const role = await a.roles.insert(newRole({ movieId: may.id, ageMin: 25, ageMax: 40, gender: 'Female' }));
    const people = [
      ['Ann', 30, 'female'],
      ['Bea', 24, 'female'],
      ['Cat', 41, 'female'],
      ['Dan', 30, 'male'],
      ['Eve', 40, 'FEMALE'],
      ['Fay', 25, 'female'],
      ['Gil', 33, 'female'],
      ['Hal', 35, 'female'],
    ] as const;
    const [ann, , , , , fay, gil, hal] = await Promise.all(
      people.map(([name, age, gender]) => a.actors.insert(newActor({ name, age, gender }))),
    );
    await storedAudition(a, role.id, fay!.id);
    await storedAudition(a, role.id, hal!.id, ['rejected']);
    const overlapping = await a.roles.insert(
      newRole({
        movieId: (await a.movies.insert(newMovie({ title: 'Heat', shootStart: '2026-05-31', shootEnd: '2026-06-10' }))).id,
        name: 'Eady',
      }),
    );
    await storedAudition(a, overlapping.id, gil!.id, [...OFFERED, 'accepted']);
    const later = await a.roles.insert(
      newRole({
        movieId: (await a.movies.insert(newMovie({ title: 'Ronin', shootStart: '2026-06-01', shootEnd: '2026-06-10' }))).id,
        name: 'Deirdre',
      }),
    );
    const unscheduled = await a.roles.insert(
      newRole({ movieId: (await a.movies.insert(newMovie({ title: 'Avatar' }))).id, name: 'Grace' }),
    );
    await storedAudition(a, unscheduled.id, ann!.id, [...OFFERED, 'accepted']);
    await storedAudition(a, later.id, ann!.id, [...OFFERED, 'accepted']);
    const query = { roleId: role.id, fit: role, shoot: may.shootWindow() };
    const byName = { page: 1, limit: 20, sort: [{ field: 'name' as const, direction: 'asc' as const }] };
    t.same(
      (await a.availability.candidates(query, byName)).items.map((x) => x.name),
      ['Ann', 'Eve', 'Hal'],
    );
    t.same(
      (await a.availability.candidates({ ...query, q: 'E' }, byName)).items.map((x) => x.name),
      ['Eve'],
    );
    const oldest = await a.availability.candidates(query, { page: 2, limit: 1, sort: [{ field: 'age', direction: 'desc' }] });
    t.same([oldest.items.map((x) => x.name), oldest.total], [['Hal'], 3]);
    const anyone = await a.availability.candidates(
      { roleId: role.id, fit: { ageMin: null, ageMax: null, gender: null }, shoot: null },
      byName,
    );
    t.same(
      anyone.items.map((x) => x.name),
      ['Ann', 'Bea', 'Cat', 'Dan', 'Eve', 'Gil', 'Hal'],
      'no shoot: nobody is busy',
    );
    t.same(
      (await a.availability.scheduleOf(ann!.id)).map((p) => [p.movieTitle, p.roleName, p.shoot]),
      [
        ['Ronin', 'Deirdre', { start: '2026-06-01', end: '2026-06-10' }],
        ['Avatar', 'Grace', null],
      ],
    );
    t.same(await a.availability.scheduleOf(fay!.id), []);
  });
}
