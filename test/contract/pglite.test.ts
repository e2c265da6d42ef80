import t from 'tap';
import { mikroOrmRepositories } from '../../src/adapters/persistence/mikro-orm/index.ts';
import { truncateCatalog, withPglite } from '../support/databases.ts';
import { catalogContracts } from './catalog-contracts.ts';

// One migrated PGlite cluster for the file; every test starts from empty tables.
const database = await withPglite(t);
catalogContracts(t, async (options) => {
  await truncateCatalog(database);
  return mikroOrmRepositories(database.orm, options);
});
