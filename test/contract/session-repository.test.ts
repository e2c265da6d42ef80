import t from 'tap';
import { sqlOf } from '../support/databases.ts';
import { needsPostgres } from '../support/services.ts';
import { countStatements } from '../support/statement-counter.ts';
import { sessionOf, sessionRepositoryContract, tokenOf } from './session-repository.contract.ts';
import { databaseIdentity, newUser, onEveryAdapter } from './user-repository.support.ts';

onEveryAdapter(t, (t, fresh) => sessionRepositoryContract(t, fresh));

for (const kind of ['PGlite', 'PostgreSQL'] as const) {
  t.test(`${kind}: what only the database guarantees`, kind === 'PostgreSQL' ? needsPostgres : {}, async (t) => {
    const { database, fresh } = await databaseIdentity(t, kind);

    t.test('findActiveAccess and spend are one statement each', async (t) => {
      const { users, sessions } = await fresh();
      const session = sessionOf((await users.insert(newUser('mia'))).id);
      const token = tokenOf(session);
      const probe = countStatements(database);
      t.teardown(probe.stop);
      await sessions.create(session, token);
      t.equal(probe.statements.length, 1, 'session and first token are stored by one statement');
      t.ok(await sessions.findActiveAccess(session.id));
      t.ok(await sessions.spend(token.tokenHash, new Date()));
      t.equal(probe.statements.length, 3);
    });

    t.test('create is atomic: when the token cannot be stored, neither is the session', async (t) => {
      const { users, sessions } = await fresh();
      const userId = (await users.insert(newUser('nina'))).id;
      const first = sessionOf(userId);
      const token = tokenOf(first);
      await sessions.create(first, token);
      const second = sessionOf(userId);
      await t.rejects(sessions.create(second, { ...token, sessionId: second.id }), { name: 'QueryFailedError', sqlState: '23505' });
      t.equal(await sessions.findActiveAccess(second.id), null, 'the session was rolled back');
      await t.rejects(sessions.create(sessionOf(userId + 1000), tokenOf(first)), { kind: 'not_found', code: 'USER_NOT_FOUND' });
      await t.rejects(sessions.addRefreshToken(tokenOf(second)), { kind: 'not_found', code: 'SESSION_NOT_FOUND' });
    });

    t.test('deleting a user takes its sessions and their tokens', async (t) => {
      const { users, sessions } = await fresh();
      const userId = (await users.insert(newUser('omar'))).id;
      const session = sessionOf(userId);
      const token = tokenOf(session);
      await sessions.create(session, token);
      await sqlOf(database).query('delete from app_user where id = $1', [userId]);
      t.equal(await sessions.findActiveAccess(session.id), null);
      t.equal(await sessions.findRefreshToken(token.tokenHash), null);
    });
  });
}
