import t from 'tap';
import { inMemoryRepositories } from '../../src/adapters/persistence/in-memory/index.ts';
import { castingWorkflowConcurrency } from './casting-workflow-concurrency.contract.ts';
import { castingWorkflowContract } from './casting-workflow.contract.ts';

t.test('in-memory', async (t) => {
  castingWorkflowContract(t, async () => inMemoryRepositories());
  castingWorkflowConcurrency(t, async () => inMemoryRepositories());
});
