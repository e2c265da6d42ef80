import type { Test } from 'tap';
import { Casting } from '../../src/domain/casting.ts';
import { type CatalogFactory, newActor, newMovie } from './catalog-factory.ts';

/** The behaviour every CastingRepository adapter must show. */
export function castingRepositoryContract(t: Test, fresh: CatalogFactory): void {
  t.test('a pair is cast once; both sides must exist', async (t) => {
    const { movies, actors, castings } = await fresh();
    const movie = await movies.insert(newMovie({ title: 'Fargo' }));
    const actor = await actors.insert(newActor({ name: 'William H. Macy' }));
    const casting = Casting.create({ movieId: movie.id, actorId: actor.id, character: 'Jerry Lundegaard', billingOrder: 2 });
    t.same(await castings.insert(casting), casting);
    await t.rejects(castings.insert(Casting.create({ movieId: movie.id, actorId: actor.id })), {
      code: 'CASTING_CONFLICT',
      kind: 'conflict',
    });
    await t.rejects(castings.insert(Casting.create({ movieId: movie.id + 1000, actorId: actor.id })), {
      code: 'MOVIE_NOT_FOUND',
      kind: 'not_found',
    });
    await t.rejects(castings.insert(Casting.create({ movieId: movie.id, actorId: actor.id + 1000 })), {
      code: 'ACTOR_NOT_FOUND',
      kind: 'not_found',
    });
    t.equal(await castings.delete(movie.id, actor.id), true);
    t.equal(await castings.delete(movie.id, actor.id), false, 'uncasting twice finds nothing');
    t.same(await castings.castOf(movie.id), []);
    await castings.insert(Casting.create({ movieId: movie.id, actorId: actor.id }));
    t.equal((await castings.castOf(movie.id)).length, 1, 'a pair can be cast again after uncasting');
  });

  t.test('castOf: billing order, unbilled last, then actor id', async (t) => {
    const { movies, actors, castings } = await fresh();
    const movie = await movies.insert(newMovie({ title: 'Jackie Brown' }));
    const other = await movies.insert(newMovie({ title: 'Pulp Fiction' }));
    const grier = await actors.insert(newActor({ name: 'Pam Grier' }));
    const jackson = await actors.insert(newActor({ name: 'Samuel L. Jackson' }));
    const forster = await actors.insert(newActor({ name: 'Robert Forster' }));
    const deNiro = await actors.insert(newActor({ name: 'Robert De Niro' }));
    await castings.insert(Casting.create({ movieId: movie.id, actorId: deNiro.id }));
    await castings.insert(Casting.create({ movieId: movie.id, actorId: jackson.id, character: 'Ordell Robbie', billingOrder: 2 }));
    await castings.insert(Casting.create({ movieId: movie.id, actorId: forster.id, billingOrder: 2 }));
    await castings.insert(Casting.create({ movieId: movie.id, actorId: grier.id, character: 'Jackie Brown', billingOrder: 1 }));
    await castings.insert(Casting.create({ movieId: other.id, actorId: jackson.id, character: 'Jules', billingOrder: 1 }));
    const members = await castings.castOf(movie.id);
    t.same(
      members.map((m) => [m.actor.name, m.character, m.billingOrder]),
      [
        ['Pam Grier', 'Jackie Brown', 1],
        ['Samuel L. Jackson', 'Ordell Robbie', 2],
        ['Robert Forster', null, 2],
        ['Robert De Niro', null, null],
      ],
    );
    t.same(members[0]?.actor, await actors.findById(grier.id), 'members carry the whole actor');
    t.same(await castings.castOf(movie.id + 1000), [], 'an unknown movie has no cast');
    t.same(await castings.movieWithCast(movie.id), { movie: await movies.findById(movie.id), cast: members }, 'one read gives the same');
    t.same(await castings.movieWithCast(other.id + 1000), null, 'an unknown movie is null');
    t.same((await castings.movieWithCast((await movies.insert(newMovie({ title: 'Solo' }))).id))?.cast, [], 'no cast yet');
  });

  t.test('rolesOf: by release date, undated last, then movie id', async (t) => {
    const { movies, actors, castings } = await fresh();
    const actor = await actors.insert(newActor({ name: 'Bill Murray' }));
    const undated = await movies.insert(newMovie({ title: 'Untitled Project' }));
    const late = await movies.insert(newMovie({ title: 'Lost in Translation', releaseDate: '2003-09-12' }));
    const early = await movies.insert(newMovie({ title: 'Ghostbusters', releaseDate: '1984-06-08', genres: ['Comedy'] }));
    const sameDay = await movies.insert(newMovie({ title: 'Twin', releaseDate: '1984-06-08' }));
    for (const [movie, character] of [
      [undated, null],
      [late, 'Bob Harris'],
      [sameDay, null],
      [early, 'Peter Venkman'],
    ] as const) {
      await castings.insert(Casting.create({ movieId: movie.id, actorId: actor.id, character }));
    }
    const roles = await castings.rolesOf(actor.id);
    t.same(
      roles.map((r) => [r.movie.title, r.character]),
      [
        ['Ghostbusters', 'Peter Venkman'],
        ['Twin', null],
        ['Lost in Translation', 'Bob Harris'],
        ['Untitled Project', null],
      ],
    );
    t.same(roles[0]?.movie, await movies.findById(early.id), 'roles carry the whole movie');
    t.same(await castings.rolesOf(actor.id + 1000), []);
  });
}
