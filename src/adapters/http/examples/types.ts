/**
 * Examples of one operation: its JSON request body and its JSON answers by status, plus, for
 * bodies and answers that are files, one example per media type.
 */
export interface OperationExamples {
  request?: unknown;
  requestMedia?: Record<string, unknown>;
  responses?: Record<number, unknown>;
  responseMedia?: Record<number, Record<string, unknown>>;
}

export type ExamplesByOperation = Record<string, OperationExamples>;
