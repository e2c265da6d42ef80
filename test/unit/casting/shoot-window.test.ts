import t from 'tap';
import { DomainError } from '../../../src/domain/errors.ts';
import { Movie } from '../../../src/domain/movie.ts';
import { overlaps } from '../../../src/domain/shoot-window.ts';

const now = new Date('2026-03-01T10:00:00.000Z');

function paths(fn: () => unknown): string[] {
  try {
    fn();
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.details.map((d) => d.path);
  }
}

t.test('a movie may have a shoot window: real dates, both or neither, start ≤ end', async (t) => {
  const movie = Movie.create({ title: 'Alien', shootStart: '2026-05-01', shootEnd: '2026-06-30' }, now);
  t.same(movie.shootWindow(), { start: '2026-05-01', end: '2026-06-30' });
  t.equal(Movie.create({ title: 'Heat' }, now).shootWindow(), null);
  t.equal(Movie.create({ title: 'Heat' }, now).shootStart, null);
  t.same(
    paths(() => Movie.create({ title: 'x', shootStart: '2026-02-30', shootEnd: '2026-13-01' }, now)),
    ['/shoot_start', '/shoot_end'],
  );
  t.same(
    paths(() => Movie.create({ title: 'x', shootStart: '2026-05-01' }, now)),
    ['/shoot_end'],
  );
  t.same(
    paths(() => Movie.create({ title: 'x', shootStart: '2026-05-02', shootEnd: '2026-05-01' }, now)),
    ['/shoot_end'],
  );
  t.same(
    paths(() => Movie.create({ title: 'x', shootStart: '2026-05-01', shootEnd: '2026-05-01' }, now)),
    [],
    'one day',
  );
});

t.test('a patch can set, move or clear the window; the rules hold on the result', async (t) => {
  const movie = Movie.create({ title: 'Alien' }, now);
  const shot = movie.withChanges({ shootStart: '2026-05-01', shootEnd: '2026-05-31' }, now);
  t.same(shot.shootWindow(), { start: '2026-05-01', end: '2026-05-31' });
  t.same(shot.withChanges({ shootEnd: '2026-06-30' }, now).shootWindow(), { start: '2026-05-01', end: '2026-06-30' });
  t.same(
    paths(() => shot.withChanges({ shootEnd: '2026-04-01' }, now)),
    ['/shoot_end'],
  );
  t.equal(shot.withChanges({ shootStart: null, shootEnd: null }, now).shootWindow(), null);
});

t.test('two shoots overlap when they share a day; an unknown window overlaps nothing', async (t) => {
  const may = { start: '2026-05-01', end: '2026-05-31' };
  t.ok(overlaps(may, { start: '2026-05-31', end: '2026-06-30' }), 'the last day is shared');
  t.ok(overlaps(may, { start: '2026-04-01', end: '2026-05-01' }), 'the first day is shared');
  t.ok(overlaps(may, { start: '2026-05-10', end: '2026-05-11' }), 'inside');
  t.ok(overlaps({ start: '2026-05-10', end: '2026-05-11' }, may), 'symmetric');
  t.notOk(overlaps(may, { start: '2026-06-01', end: '2026-06-30' }), 'the next day');
  t.notOk(overlaps(may, null));
  t.notOk(overlaps(null, null));
});
