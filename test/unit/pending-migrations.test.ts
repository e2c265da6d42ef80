import { readdirSync } from 'node:fs';
import t from 'tap';
import { MIGRATIONS_PATH } from '../../src/adapters/persistence/mikro-orm/orm-config.ts';
import { allMigrationsApplied } from '../../src/infrastructure/pending-migrations.ts';

/* The start-up shortcut past MikroORM's migrator must never skip a migration that is due. */

const names = readdirSync(MIGRATIONS_PATH)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''));

const recording = (executed: string[]) => () => Promise.resolve(executed);

t.test('every migration file recorded: nothing to ask the migrator', async (t) => {
  t.ok(names.length >= 5, 'the project has its migrations');
  t.equal(await allMigrationsApplied(recording(names)), true);
});

t.test('a migration file not recorded yet: the migrator decides', async (t) => {
  t.equal(await allMigrationsApplied(recording(names.slice(0, -1))), false);
  t.equal(await allMigrationsApplied(recording([])), false, 'a new database');
});

t.test('no migrations table (or any error): the migrator decides', async (t) => {
  const failing = () => Promise.reject(new Error('relation "mikro_orm_migrations" does not exist'));
  t.equal(await allMigrationsApplied(failing), false);
});
