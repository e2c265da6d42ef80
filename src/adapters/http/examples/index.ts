import { ACCOUNT_EXAMPLES } from './accounts.ts';
import { CASTING_WORKFLOW_EXAMPLES } from './casting-workflow.ts';
import { CATALOG_EXAMPLES } from './catalog.ts';
import { IMPORT_EXAMPLES } from './imports.ts';
import type { ExamplesByOperation } from './types.ts';

export { errorExample } from './errors.ts';
export type { ExamplesByOperation, OperationExamples } from './types.ts';

/** Every operation's examples, by operationId; openapi-check fails when an operation has none. */
export const EXAMPLES: ExamplesByOperation = {
  ...CATALOG_EXAMPLES,
  ...CASTING_WORKFLOW_EXAMPLES,
  ...IMPORT_EXAMPLES,
  ...ACCOUNT_EXAMPLES,
};
