import t from 'tap';
import { inMemoryRepositories } from '../../src/adapters/persistence/in-memory/index.ts';
import { catalogContracts } from './catalog-contracts.ts';

catalogContracts(t, async (options) => inMemoryRepositories(options));
