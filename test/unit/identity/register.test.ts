import t from 'tap';
import { DomainError } from '../../../src/domain/errors.ts';
import { GOOD_PASSWORD, identityKit } from './support.ts';

t.test('a new account is a casting assistant with a hashed password', async (t) => {
  const kit = identityKit();
  const user = await kit.register.execute({ name: ' Ada ', username: 'ada', password: GOOD_PASSWORD });
  t.equal(user.role, 'casting_assistant');
  t.equal(user.name, 'Ada');
  t.ok(user.id > 0);
  t.not(user.passwordHash, GOOD_PASSWORD);
  t.equal((await kit.users.findByUsername('ADA'))?.id, user.id, 'found ignoring case');
});

t.test('a username taken in another letter case is a conflict', async (t) => {
  const kit = identityKit();
  await kit.register.execute({ name: 'Ada', username: 'ada', password: GOOD_PASSWORD });
  await t.rejects(kit.register.execute({ name: 'Other', username: 'ADA', password: GOOD_PASSWORD }), {
    kind: 'conflict',
    code: 'USERNAME_TAKEN',
  });
});

t.test('the insert itself refuses a duplicate (a racing twin)', async (t) => {
  const kit = identityKit();
  const results = await Promise.allSettled(
    [1, 2].map(() => kit.register.execute({ name: 'A', username: 'twin', password: GOOD_PASSWORD })),
  );
  t.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
});

const weak = [
  ['Short1a', 'too short'],
  ['alllowercase1', 'no upper-case letter'],
  ['ALLUPPERCASE1', 'no lower-case letter'],
  ['NoDigitsHere', 'no digit'],
  [`Aa1${'x'.repeat(126)}`, 'too long (129)'],
] as const;

for (const [password, why] of weak) {
  t.test(`a weak password is refused: ${why}`, async (t) => {
    const kit = identityKit();
    const error = await kit.register.execute({ name: 'Ada', username: 'ada', password }).catch((e: unknown) => e);
    t.type(error, DomainError);
    t.match(error, { kind: 'validation', details: [{ path: '/password' }] });
    t.equal(await kit.users.findByUsername('ada'), null, 'nothing stored');
  });
}

t.test('every broken field is named at once', async (t) => {
  const kit = identityKit();
  const error = await kit.register.execute({ name: '', username: 'a b', password: 'x' }).catch((e: unknown) => e);
  t.same((error as DomainError).details.map((d) => d.path).sort(), ['/name', '/password', '/username']);
});

t.test('128 characters is still allowed', async (t) => {
  const kit = identityKit();
  const user = await kit.register.execute({ name: 'Ada', username: 'ada@example.com', password: `Aa1${'x'.repeat(125)}` });
  t.equal(user.username, 'ada@example.com');
});

t.test('closed registration is forbidden', async (t) => {
  const kit = identityKit({ settings: { registration: 'closed' } });
  await t.rejects(kit.register.execute({ name: 'Ada', username: 'ada', password: GOOD_PASSWORD }), {
    kind: 'forbidden',
    code: 'REGISTRATION_CLOSED',
  });
});

t.test('an operator can create a user with any role', async (t) => {
  const kit = identityKit({ settings: { registration: 'closed' } });
  const user = await kit.createUser.execute({ name: 'Boss', username: 'boss', password: GOOD_PASSWORD, role: 'executive_producer' });
  t.equal(user.role, 'executive_producer');
});
