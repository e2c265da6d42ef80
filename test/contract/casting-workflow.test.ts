import t from 'tap';
import { inMemoryRepositories } from '../../src/adapters/persistence/in-memory/index.ts';
import { mikroOrmCastingWorkflow } from '../../src/adapters/persistence/mikro-orm/index.ts';
import type { Database } from '../../src/infrastructure/database.ts';
import { onEachDatabase, sqlOf } from '../support/databases.ts';
import { castingWorkflowConcurrency } from './casting-workflow-concurrency.contract.ts';
import { castingWorkflowContract } from './casting-workflow.contract.ts';

t.test('in-memory', async (t) => {
  castingWorkflowContract(t, async () => inMemoryRepositories());
  castingWorkflowConcurrency(t, async () => inMemoryRepositories());
});

/** Empty tables, and the adapters on them. */
async function fresh(database: Database) {
  await sqlOf(database).query('truncate table audition_change, audition, movie_role, casting, movie, actor restart identity cascade');
  return { ...database.repositories, ...mikroOrmCastingWorkflow(database.orm) };
}

onEachDatabase(t, (t, database) => {
  castingWorkflowContract(t, () => fresh(database));
  castingWorkflowConcurrency(t, () => fresh(database));
});
