import type { Test } from 'tap';
import type { UserSortField } from '../../src/application/ports/user-repository.ts';
import type { User } from '../../src/domain/user.ts';
import { newUser, nextInstant, type IdentityFactory } from './user-repository.support.ts';

const TAKEN = { kind: 'conflict', code: 'USERNAME_TAKEN' };

/** The behaviour every UserRepository adapter must show. */
export function userRepositoryContract(t: Test, fresh: IdentityFactory): void {
  t.test('insert assigns an id; find by id or by username ignoring case returns every field', async (t) => {
    const { users } = await fresh();
    const alice = newUser('Alice.Smith@example.com', 'executive_producer', 'Alice Smith');
    const saved = await users.insert(alice);
    t.ok(saved.id > 0);
    t.same({ ...(await users.findById(saved.id)) }, { ...alice, id: saved.id });
    t.same(await users.findByUsername('alice.smith@EXAMPLE.com'), saved, 'any letter case finds the user');
    t.equal((await users.findByUsername('Alice.Smith@example.com'))?.username, 'Alice.Smith@example.com', 'the spelling is kept');
    t.equal(await users.findByUsername('alice'), null);
    t.equal(await users.findById(saved.id + 1000), null);
  });

  t.test('usernames are unique ignoring case, on insert and on rename', async (t) => {
    const { users } = await fresh();
    const bob = await users.insert(newUser('bob'));
    await t.rejects(users.insert(newUser('BOB')), TAKEN);
    const carol = await users.insert(newUser('carol'));
    await t.rejects(users.update(carol.withChanges({ username: 'Bob' }, new Date()), carol.version), TAKEN);
    t.equal((await users.findById(carol.id))?.username, 'carol', 'the failed rename changed nothing');
    t.equal(
      await users.update(bob.withChanges({ username: 'Bob' }, new Date()), bob.version),
      true,
      'a user may change the case of its own name',
    );
    t.equal((await users.findByUsername('bob'))?.username, 'Bob');
  });

  t.test('update is a compare-and-set on the version', async (t) => {
    const { users } = await fresh();
    const saved = await users.insert(newUser('dave'));
    const promoted = saved.withChanges({ role: 'admin', active: false, name: 'Dave D.' }, nextInstant());
    t.equal(await users.update(promoted, saved.version), true);
    t.same(await users.findById(saved.id), promoted);
    t.equal(await users.update(saved.withChanges({ name: 'Stale' }, new Date()), saved.version), false, 'a stale version changes nothing');
    const rehashed = promoted.withPasswordHash('$argon2id$new', nextInstant());
    t.equal(await users.update(rehashed, promoted.version), true);
    t.equal((await users.findById(saved.id))?.passwordHash, '$argon2id$new');
    t.equal(await users.update(newUser('ghost'), 1), false, 'an unknown user is not created');
  });

  t.test('list: sorted ignoring case, id as tie-breaker, paged', async (t) => {
    const { users } = await fresh();
    await users.insert(newUser('delta', 'admin', 'Zed'));
    await users.insert(newUser('Bravo', 'casting_director', 'amy'));
    await users.insert(newUser('alpha', 'admin', 'Bob'));
    await users.insert(newUser('charlie', 'casting_assistant', 'amy'));
    const names = async (field: UserSortField, direction: 'asc' | 'desc', page = 1, limit = 10) =>
      (await users.list({ page, limit, sort: [{ field, direction }] })).items.map((u) => u.username);
    t.same(await names('username', 'asc'), ['alpha', 'Bravo', 'charlie', 'delta']);
    t.same(await names('username', 'desc'), ['delta', 'charlie', 'Bravo', 'alpha']);
    t.same(await names('name', 'asc'), ['Bravo', 'charlie', 'alpha', 'delta'], 'equal names by id');
    t.same(await names('role', 'asc'), ['delta', 'alpha', 'charlie', 'Bravo'], 'equal roles by id');
    t.same(await names('created_at', 'desc', 2, 3), ['delta']);
    const unsorted = await users.list({ page: 1, limit: 2, sort: [] });
    t.same(
      [unsorted.items.map((u) => u.username), unsorted.total, unsorted.totalCapped],
      [['delta', 'Bravo'], 4, false],
      'unsorted lists go by id; the total counts every user',
    );
    const mixed = await users.list({
      page: 1,
      limit: 10,
      sort: [
        { field: 'role', direction: 'desc' },
        { field: 'name', direction: 'asc' },
      ],
    });
    t.same(
      mixed.items.map((u) => u.username),
      ['Bravo', 'charlie', 'alpha', 'delta'],
    );
  });

  t.test('countActiveAdmins counts active admins only', async (t) => {
    const { users } = await fresh();
    t.equal(await users.countActiveAdmins(), 0);
    const root = await users.insert(newUser('root', 'admin'));
    await users.insert(newUser('boss', 'admin'));
    await users.insert(newUser('producer', 'executive_producer'));
    t.equal(await users.countActiveAdmins(), 2);
    await users.update(root.withChanges({ active: false }, new Date()), root.version);
    t.equal(await users.countActiveAdmins(), 1, 'a deactivated admin does not count');
  });

  t.test('update never removes the last active admin (409 LAST_ADMIN), even when two admins demote each other at once', async (t) => {
    const { users } = await fresh();
    let survivor = await users.insert(newUser('root', 'admin'));
    await t.rejects(
      users.update(survivor.withChanges({ role: 'casting_director' }, new Date()), survivor.version),
      LAST_ADMIN,
      'demoting the only admin',
    );
    await t.rejects(
      users.update(survivor.withChanges({ active: false }, new Date()), survivor.version),
      LAST_ADMIN,
      'deactivating the only admin',
    );
    const admins: number[] = [];
    for (let round = 0; round < 20; round++) {
      const pair = [await users.insert(newUser(`alpha${round}`, 'admin')), await users.insert(newUser(`bravo${round}`, 'admin'))];
      t.equal(
        await users.update(survivor.withChanges({ active: false }, new Date()), survivor.version),
        true,
        'with three admins one may go',
      );
      // Demotion and deactivation alternate: the two ways an admin stops being one.
      const lose = (u: User) =>
        round % 2 === 0 ? u.withChanges({ role: 'casting_director' }, new Date()) : u.withChanges({ active: false }, new Date());
      const outcomes = await Promise.allSettled(pair.map((u) => users.update(lose(u), u.version)));
      const refused = outcomes.filter((o) => o.status === 'rejected');
      t.equal(refused.length, 1, `round ${round}: exactly one of the two is refused`);
      for (const o of refused) t.match(o.reason, LAST_ADMIN);
      admins.push(await users.countActiveAdmins());
      const [first, second] = await Promise.all(pair.map(async (u) => (await users.findById(u.id))!));
      survivor = first!.active && first!.role === 'admin' ? first! : second!;
    }
    t.same(admins, Array(20).fill(1), 'after every round exactly one active admin remains');
  });

  t.test('a change that keeps an admin, or concerns no admin, is not refused', async (t) => {
    const { users } = await fresh();
    const root = await users.insert(newUser('root', 'admin'));
    t.equal(await users.update(root.withChanges({ name: 'Root' }, new Date()), root.version), true);
    const dave = await users.insert(newUser('dave', 'casting_director'));
    t.equal(await users.update(dave.withChanges({ active: false }, new Date()), dave.version), true);
    t.equal(await users.countActiveAdmins(), 1);
  });
}

const LAST_ADMIN = { kind: 'conflict', code: 'LAST_ADMIN' };
