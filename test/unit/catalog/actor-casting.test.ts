import t from 'tap';
import { Actor } from '../../../src/domain/actor.ts';
import { Casting } from '../../../src/domain/casting.ts';
import { DomainError } from '../../../src/domain/errors.ts';

const pathsOf = (fn: () => unknown): string[] => {
  try {
    fn();
    return [];
  } catch (error) {
    return error instanceof DomainError ? error.details.map((d) => d.path) : ['not a domain error'];
  }
};

t.test('actors keep their invariants', async (t) => {
  const actor = Actor.create({ name: ' Sigourney Weaver ', age: 75, gender: 'female' }, new Date());
  t.equal(actor.name, 'Sigourney Weaver');
  t.same(
    pathsOf(() => Actor.create({ name: '', age: 151, gender: '' }, new Date())),
    ['/name', '/age', '/gender'],
  );
  t.same(
    pathsOf(() => Actor.create({ name: 'A', age: 30.5, gender: 'x'.repeat(33) }, new Date())),
    ['/age', '/gender'],
  );
  t.same(
    pathsOf(() => Actor.create({ name: 'A', age: 0, gender: 'x'.repeat(32) }, new Date())),
    [],
  );
  t.equal(actor.withChanges({ age: 76 }, new Date()).version, 2);
});

t.test('castings validate character and billing order', async (t) => {
  const casting = Casting.create({ movieId: 1, actorId: 2, character: ' Ripley ', billingOrder: 1 });
  t.equal(casting.character, 'Ripley');
  t.equal(Casting.create({ movieId: 1, actorId: 2, character: '  ' }).character, null);
  t.same(
    pathsOf(() => Casting.create({ movieId: 1, actorId: 2, billingOrder: -1 })),
    ['/billing_order'],
  );
});
