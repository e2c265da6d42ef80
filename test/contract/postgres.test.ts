import t from 'tap';
import { mikroOrmRepositories } from '../../src/adapters/persistence/mikro-orm/index.ts';
import { truncateCatalog, withPostgres } from '../support/databases.ts';
import { needsPostgres } from '../support/services.ts';
import { catalogContracts } from './catalog-contracts.ts';

// A fresh database on TEST_DATABASE_URL's server for this run, dropped at the end; tests start from empty tables.
t.test('catalog contracts on PostgreSQL', needsPostgres, async (t) => {
  const database = await withPostgres(t);
  catalogContracts(t, async (options) => {
    await truncateCatalog(database);
    return mikroOrmRepositories(database.orm, options);
  });
});
