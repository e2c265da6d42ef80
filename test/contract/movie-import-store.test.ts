import type { Pool, PoolClient } from 'pg';
import t from 'tap';
import type { Database } from '../../src/infrastructure/database.ts';
import { newMovie } from './catalog-factory.ts';
import { InMemoryMovieImportStore } from '../../src/adapters/persistence/in-memory/in-memory-movie-import-store.ts';
import { InMemoryMovieRepository } from '../../src/adapters/persistence/in-memory/in-memory-movie-repository.ts';
import { InMemoryStore } from '../../src/adapters/persistence/in-memory/in-memory-store.ts';
import { mikroOrmImportAdapters } from '../../src/adapters/persistence/mikro-orm/mikro-orm-import-adapters.ts';
import { onEachDatabase, sqlOf, truncateCatalog, withPostgres } from '../support/databases.ts';
import { needsPostgres } from '../support/services.ts';
import { movieImportStoreContract } from './movie-import-store.contract.ts';
import { repeatedKeysContract } from './movie-import-store-repeats.contract.ts';

t.test('in-memory', async (t) => {
  const fresh = async () => {
    const store = new InMemoryStore();
    return { store: new InMemoryMovieImportStore(store), movies: new InMemoryMovieRepository(store) };
  };
  movieImportStoreContract(t, fresh);
  repeatedKeysContract(t, fresh);
});

onEachDatabase(t, (t, database) => {
  const fresh = async () => {
    await truncateCatalog(database);
    return { store: mikroOrmImportAdapters(database.orm).movieImportStore, movies: database.repositories.movies };
  };
  movieImportStoreContract(t, fresh);
  repeatedKeysContract(t, fresh);
});

t.test('PostgreSQL: a connection lost mid-import is "unavailable" and leaves the catalog as it was', needsPostgres, async (t) => {
  const database = await withPostgres(t);
  const { movieImportStore } = mikroOrmImportAdapters(database.orm);
  await movieImportStore.transaction((tx) => tx.upsertBatch([newMovie({ title: 'Before' })]));
  const attempt = movieImportStore.transaction(async (tx) => {
    await tx.upsertBatch([newMovie({ title: 'Lost' })]);
    await terminateOpenTransactions(database);
    await tx.upsertBatch([newMovie({ title: 'Never' })]);
  });
  await t.rejects(attempt, { kind: 'unavailable', code: 'DATABASE_UNAVAILABLE' });
  const titles = (await database.repositories.movies.list({}, { page: 1, limit: 10, sort: [] })).items.map((m) => m.title);
  t.same(titles, ['Before']);
  t.same(await movieImportStore.transaction((tx) => tx.upsertBatch([newMovie({ title: 'Later' })])), {
    inserted: 1,
    updated: 0,
    unchanged: 0,
  });
});

/** Kills the server process of every other session that sits in an open transaction (the import's). */
async function terminateOpenTransactions(database: Database): Promise<void> {
  await sqlOf(database).query(
    `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%'`,
  );
}

t.test('PostgreSQL: a movie another request creates during the import is a 409 conflict, nothing stored', needsPostgres, async (t) => {
  const database = await withPostgres(t);
  const { movieImportStore } = mikroOrmImportAdapters(database.orm);
  const other = await (database.native as Pool).connect(); // a second connection of the same pool
  t.teardown(() => other.release());
  await other.query(`begin; insert into movie (title, genres, created_at, updated_at) values ('Raced', '{}', now(), now())`);
  const attempt = movieImportStore.transaction(async (tx) => {
    const outcome = await tx.upsertBatch([newMovie({ title: 'Raced' }), newMovie({ title: 'Mine' })]); // the key looked free
    await other.query('commit'); // the COPY waited for this transaction, and now finds the key taken
    return outcome;
  });
  await t.rejects(attempt, { kind: 'conflict', code: 'MOVIE_CONFLICT' });
  const titles = (await database.repositories.movies.list({}, { page: 1, limit: 10, sort: [] })).items.map((m) => m.title);
  t.same(titles, ['Raced'], "only the other request's movie");
});

t.test(
  'PostgreSQL: with no client of the pool free for the probe, an import looks keys up in its own transaction',
  needsPostgres,
  async (t) => {
    const database = await withPostgres(t);
    const { movieImportStore } = mikroOrmImportAdapters(database.orm);
    const pool = database.native as Pool;
    const held: PoolClient[] = [];
    while (pool.totalCount < (pool.options.max ?? 10) - 1) held.push(await pool.connect()); // the import takes the last one
    t.teardown(() => held.forEach((client) => client.release()));
    const outcomes = await movieImportStore.transaction(async (tx) => [
      await tx.upsertBatch([newMovie({ title: 'Alone' }), newMovie({ title: 'Apart' })]),
      await tx.upsertBatch([newMovie({ title: 'ALONE' }), newMovie({ title: 'Aside' })]),
    ]);
    t.same(outcomes, [
      { inserted: 2, updated: 0, unchanged: 0 },
      { inserted: 1, updated: 1, unchanged: 0 },
    ]);
    t.equal(pool.totalCount, pool.options.max ?? 10, 'no client beyond the pool');
  },
);
