import { parseOptions } from '@node-rs/argon2';
import t from 'tap';
import { Argon2idPasswordHasher } from '../../../src/adapters/security/argon2id-password-hasher.ts';

const hasher = new Argon2idPasswordHasher();

t.test('hashes with Argon2id at no less than m = 19 MiB, t = 2, p = 1', async (t) => {
  const hash = await hasher.hash('Secret123');
  t.match(hash, /^\$argon2id\$/);
  const options = parseOptions(hash);
  t.ok(options.memoryCost >= 19_456, `m=${options.memoryCost}`);
  t.ok(options.timeCost >= 2, `t=${options.timeCost}`);
  t.equal(options.parallelism, 1);
});

t.test('verifies the right password only; salts differ', async (t) => {
  const [a, b] = await Promise.all([hasher.hash('Secret123'), hasher.hash('Secret123')]);
  t.not(a, b, 'a fresh salt each time');
  t.equal(await hasher.verify(a, 'Secret123'), true);
  t.equal(await hasher.verify(a, 'secret123'), false);
  t.equal(await hasher.verify(a, ''), false);
});

t.test('a malformed stored hash is a failed verification, not a crash', async (t) => {
  t.equal(await hasher.verify('not-a-hash', 'Secret123'), false);
  t.equal(await hasher.verify('', 'Secret123'), false);
});
