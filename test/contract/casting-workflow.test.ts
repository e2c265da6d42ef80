import t from 'tap';
import { inMemoryRepositories } from '../../src/adapters/persistence/in-memory/index.ts';
import { mikroOrmCastingWorkflow } from '../../src/adapters/persistence/mikro-orm/index.ts';
import type { Database } from '../../src/infrastructure/database.ts';
import { onEachDatabase, sqlOf } from '../support/databases.ts';
import { candidateSearchContract } from './candidate-search.contract.ts';
import { castingWorkflowConcurrency } from './casting-workflow-concurrency.contract.ts';
import { castingWorkflowContract } from './casting-workflow.contract.ts';

t.test('in-memory', async (t) => {
  castingWorkflowContract(t, async () => inMemoryRepositories());
  castingWorkflowConcurrency(t, async () => inMemoryRepositories());
  candidateSearchContract(t, async (options) => inMemoryRepositories(options));
});

/** Empty tables, and the adapters on them. */
async function fresh(database: Database, options: { countCap?: number } = {}) {
  await sqlOf(database).query('truncate table audition_change, audition, movie_role, casting, movie, actor restart identity cascade');
  return { ...database.repositories, ...mikroOrmCastingWorkflow(database.orm, options) };
}

onEachDatabase(t, (t, database) => {
  castingWorkflowContract(t, () => fresh(database));
  castingWorkflowConcurrency(t, () => fresh(database));
  candidateSearchContract(t, (options) => fresh(database, options));
});
