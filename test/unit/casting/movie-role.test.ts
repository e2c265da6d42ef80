import t from 'tap';
import { Actor } from '../../../src/domain/actor.ts';
import { DomainError } from '../../../src/domain/errors.ts';
import { MovieRole } from '../../../src/domain/movie-role.ts';

const now = new Date('2026-03-01T10:00:00.000Z');
const none = { taken: 0, accepted: 0 };
const role = (input: Partial<Parameters<typeof MovieRole.create>[0]> = {}) =>
  MovieRole.create({ movieId: 1, name: 'Ripley', ...input }, now);
const actor = (age: number, gender: string) => Actor.create({ name: 'Someone', age, gender }, now);

function failure(fn: () => unknown): { code: string; kind: string; paths: string[] } | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, kind: error.kind, paths: error.details.map((d) => d.path) };
  }
}

t.test('a role is created open with one slot, trimmed, version 1', async (t) => {
  const created = role({ name: ' Ripley ', description: '  ', gender: ' female ' });
  t.match(created, { id: 0, movieId: 1, name: 'Ripley', description: null, gender: 'female', slots: 1, state: 'open', version: 1 });
  t.equal(role({ slots: 100 }).slots, 100);
});

t.test('every broken rule of a role is reported at once', async (t) => {
  t.same(
    failure(() => role({ name: '', ageMin: -1, ageMax: 151, gender: 'x'.repeat(33), slots: 0 })),
    {
      code: 'VALIDATION_FAILED',
      kind: 'validation',
      paths: ['/name', '/age_min', '/age_max', '/gender', '/slots'],
    },
  );
  t.match(
    failure(() => role({ ageMin: 40, ageMax: 30 })),
    { paths: ['/age_max'] },
  );
  t.match(
    failure(() => role({ slots: 101 })),
    { paths: ['/slots'] },
  );
  t.match(
    failure(() => role({ slots: 1.5, ageMin: 20.5 })),
    { paths: ['/age_min', '/slots'] },
  );
  t.match(
    failure(() => role({ description: 'x'.repeat(2001) })),
    { paths: ['/description'] },
  );
  t.equal(
    failure(() => role({ ageMin: 30, ageMax: 30 })),
    null,
    'min = max is a range of one year',
  );
});

t.test('fit: age within the range, bounds inclusive; gender when set, ignoring case', async (t) => {
  const part = role({ ageMin: 25, ageMax: 35, gender: 'Female' });
  t.ok(part.fits(actor(25, 'female')));
  t.ok(part.fits(actor(35, 'FEMALE')));
  t.same(
    failure(() => part.assertFits(actor(24, 'female'))),
    { code: 'ACTOR_DOES_NOT_FIT', kind: 'validation', paths: ['/age'] },
  );
  t.same(
    failure(() => part.assertFits(actor(36, 'male'))),
    { code: 'ACTOR_DOES_NOT_FIT', kind: 'validation', paths: ['/age', '/gender'] },
  );
  t.ok(role().fits(actor(0, 'anything')), 'no range and no gender: anyone fits');
  t.ok(role({ ageMin: 60 }).fits(actor(150, 'x')), 'one bound alone');
});

t.test('only an open role takes auditions: ROLE_NOT_OPEN otherwise', async (t) => {
  t.equal(
    failure(() => role().assertOpen()),
    null,
  );
  const closed = role().withChanges({ state: 'closed' }, none, now);
  t.match(
    failure(() => closed.assertOpen()),
    { code: 'ROLE_NOT_OPEN', kind: 'conflict' },
  );
  const filled = role().settled(1, now);
  t.equal(filled.state, 'filled');
  t.match(
    failure(() => filled.assertOpen()),
    { code: 'ROLE_NOT_OPEN', kind: 'conflict' },
  );
});

t.test('slots: filled when the accepted parts reach them, never below what was promised', async (t) => {
  const two = role({ slots: 2 });
  t.equal(two.settled(1, now), two, 'room left: unchanged');
  const filled = two.settled(2, now);
  t.match(filled, { state: 'filled', version: 2 });
  t.match(filled.withChanges({ slots: 3 }, { taken: 2, accepted: 2 }, now), { state: 'open', slots: 3 }, 'more slots reopen it');
  t.match(two.withChanges({ slots: 1 }, { taken: 1, accepted: 1 }, now), { state: 'filled' }, 'fewer slots can fill it');
  t.match(
    failure(() => two.withChanges({ slots: 1 }, { taken: 2, accepted: 1 }, now)),
    { code: 'VALIDATION_FAILED', paths: ['/slots'] },
  );
  t.match(filled.withChanges({ state: 'closed' }, { taken: 2, accepted: 2 }, now), { state: 'closed' });
  const closed = two.withChanges({ state: 'closed' }, none, now);
  t.equal(closed.settled(2, now).state, 'closed', 'a closed role stays closed');
  t.match(closed.withChanges({ state: 'open' }, none, now), { state: 'open' }, 'and can be reopened');
  t.match(closed.withChanges({ name: 'Ellen Ripley' }, none, now), { state: 'closed', name: 'Ellen Ripley', version: 3 });
});

t.test('state: any role may be closed; open that would leave it filled is ROLE_STATE_CONFLICT', async (t) => {
  const full = { taken: 1, accepted: 1 };
  const filled = role().settled(1, now);
  t.same(
    failure(() => filled.withChanges({ state: 'open' }, full, now)),
    { code: 'ROLE_STATE_CONFLICT', kind: 'conflict', paths: [] },
  );
  t.match(filled.withChanges({ state: 'open', slots: 2 }, full, now), { state: 'open', slots: 2 }, 'with room it reopens');
  const closed = filled.withChanges({ state: 'closed' }, full, now);
  t.equal(closed.state, 'closed');
  t.match(
    failure(() => closed.withChanges({ state: 'open' }, full, now)),
    { code: 'ROLE_STATE_CONFLICT' },
    'a closed role whose slots are all accepted is not reopened as filled',
  );
  t.match(role().withChanges({ state: 'open' }, none, now), { state: 'open', version: 2 }, 'open stays open');
});
