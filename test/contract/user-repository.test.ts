import t from 'tap';
import { sqlOf } from '../support/databases.ts';
import { userRepositoryContract } from './user-repository.contract.ts';
import { databaseIdentity, onEveryAdapter } from './user-repository.support.ts';

onEveryAdapter(t, (t, fresh) => userRepositoryContract(t, fresh));

t.test('PGlite: the database itself refuses an unknown role and a second spelling of a username', async (t) => {
  const { database, fresh } = await databaseIdentity(t, 'PGlite');
  await fresh();
  const insert = (username: string, role: string) =>
    sqlOf(database).query(
      `insert into app_user (name, username, password_hash, role, created_at, updated_at) values ('n', $1, 'h', $2, now(), now())`,
      [username, role],
    );
  await t.rejects(insert('eve', 'superuser'), { name: 'QueryFailedError', sqlState: '23514' }, 'the role check constraint');
  await insert('eve', 'admin');
  await t.rejects(insert('EVE', 'admin'), { name: 'QueryFailedError', sqlState: '23505' }, 'the unique index on lower(username)');
});
