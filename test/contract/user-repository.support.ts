import type { Test } from 'tap';
import { InMemorySessionRepository } from '../../src/adapters/persistence/in-memory/in-memory-session-repository.ts';
import { InMemoryUserRepository } from '../../src/adapters/persistence/in-memory/in-memory-user-repository.ts';
import { MikroOrmSessionRepository } from '../../src/adapters/persistence/mikro-orm/mikro-orm-session-repository.ts';
import { MikroOrmUserRepository } from '../../src/adapters/persistence/mikro-orm/mikro-orm-user-repository.ts';
import type { SqlOrm } from '../../src/adapters/persistence/mikro-orm/kysely-database.ts';
import type { SessionRepository } from '../../src/application/ports/session-repository.ts';
import type { UserRepository } from '../../src/application/ports/user-repository.ts';
import type { Role } from '../../src/domain/permissions.ts';
import { User } from '../../src/domain/user.ts';
import type { Database } from '../../src/infrastructure/database.ts';
import { withPglite, withPostgres, sqlOf } from '../support/databases.ts';
import { needsPostgres } from '../support/services.ts';

/** The identity repositories of one adapter, empty; the session store needs users to join. */
export interface Identity {
  users: UserRepository;
  sessions: SessionRepository;
}
export type IdentityFactory = (options?: { countCap?: number }) => Promise<Identity>;

let clock = Date.parse('2024-03-01T00:00:00.000Z');
/** Distinct, increasing instants with milliseconds, so round trips are checked exactly. */
export const nextInstant = (): Date => new Date((clock += 1_001));

export const newUser = (username: string, role: Role = 'casting_assistant', name = `User ${username}`): User =>
  User.create({ name, username, passwordHash: `$argon2id$v=19$m=19456,t=2,p=1$${username}`, role }, nextInstant());

export const inMemoryIdentity: IdentityFactory = async () => {
  const users = new InMemoryUserRepository();
  return { users, sessions: new InMemorySessionRepository(users) };
};

export const ormIdentity = (orm: SqlOrm, options: { countCap?: number } = {}): Identity => ({
  users: new MikroOrmUserRepository(orm, options.countCap),
  sessions: new MikroOrmSessionRepository(orm),
});

/** One migrated database per adapter and file; every test starts from empty identity tables. */
export async function databaseIdentity(t: Test, kind: 'PGlite' | 'PostgreSQL'): Promise<{ database: Database; fresh: IdentityFactory }> {
  const database = kind === 'PGlite' ? await withPglite(t) : await withPostgres(t);
  const fresh: IdentityFactory = async (options) => {
    await sqlOf(database).query('truncate table refresh_token, session, app_user restart identity cascade');
    return ormIdentity(database.orm, options);
  };
  return { database, fresh };
}

/** Runs `contract` on the in-memory adapter, PGlite and PostgreSQL. */
export function onEveryAdapter(t: Test, contract: (t: Test, fresh: IdentityFactory, kind: string) => void): void {
  t.test('in-memory', async (t) => contract(t, inMemoryIdentity, 'in-memory'));
  for (const kind of ['PGlite', 'PostgreSQL'] as const) {
    t.test(kind, kind === 'PostgreSQL' ? needsPostgres : {}, async (t) => contract(t, (await databaseIdentity(t, kind)).fresh, kind));
  }
}
