import t from 'tap';
import { mikroOrmRepositories } from '../../src/adapters/persistence/mikro-orm/index.ts';
import { truncateCatalog, withPostgres } from '../support/databases.ts';
import { catalogContracts } from './catalog-contracts.ts';

// A fresh database on 127.0.0.1:5432 for this run, dropped at the end; tests start from empty tables.
const database = await withPostgres(t);
catalogContracts(t, async (options) => {
  await truncateCatalog(database);
  return mikroOrmRepositories(database.orm, options);
});
