import t from 'tap';
import { WrittenKeys } from '../../../src/adapters/persistence/mikro-orm/written-keys.ts';

t.test('every added key is known; few others seem to be', async (t) => {
  const keys = new WrittenKeys();
  const added = Array.from({ length: 200_000 }, (_, i) => `movie ${i}\u0000director ${i % 977}\u00001999-01-01`);
  added.forEach((key) => keys.add(key));
  t.ok(
    added.every((key) => keys.mightHave(key)),
    'no added key is missed (a miss would insert a stored key twice)',
  );
  const others = Array.from({ length: 100_000 }, (_, i) => `other ${i}\u0000director ${i}\u00002001-01-01`);
  const falsePositives = others.filter((key) => keys.mightHave(key)).length;
  t.ok(falsePositives < 100, `${falsePositives} of 100,000 other keys seem added`);
  t.notOk(new WrittenKeys().mightHave(added[0]!), 'an empty filter knows nothing');
});

t.test('keys that differ in one character, or only in non-ASCII, are told apart', async (t) => {
  const keys = new WrittenKeys();
  keys.add('amélie\u0000\u00002001-04-25');
  t.ok(keys.mightHave('amélie\u0000\u00002001-04-25'));
  t.notOk(keys.mightHave('amelie\u0000\u00002001-04-25'));
  t.notOk(keys.mightHave('amélie\u0000\u00002001-04-26'));
});
