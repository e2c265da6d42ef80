import { errorExample, EXAMPLES, type ExamplesByOperation, type OperationExamples } from './examples/index.ts';

/** What the document needs to know of an operation to attach its examples. */
interface Operation {
  operationId?: string;
  requestBody?: { content?: Record<string, { example?: unknown }> };
  responses?: Record<string, { content?: Record<string, { example?: unknown }> }>;
}

/**
 * Attaches each operation's examples (examples/, by operationId) to its request body and
 * answers, media type by media type, and the error envelope to every error answer that has
 * no example of its own, so a generated client and the reference page show real payloads.
 */
export function declareExamples(paths: Record<string, Record<string, Operation>>, examples: ExamplesByOperation = EXAMPLES): void {
  for (const operation of Object.values(paths).flatMap((operations) => Object.values(operations))) {
    const own = examples[operation.operationId ?? ''] ?? {};
    attach(operation.requestBody?.content, own.requestMedia ?? json(own.request));
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      attach(response.content, { ...json(answerOf(own, status)), ...own.responseMedia?.[Number(status)] });
    }
  }
}

function answerOf(own: OperationExamples, status: string): unknown {
  return own.responses?.[Number(status)] ?? (Number(status) >= 400 ? errorExample(status) : undefined);
}

const json = (value: unknown): Record<string, unknown> => (value === undefined ? {} : { 'application/json': value });

function attach(content: Record<string, { example?: unknown }> | undefined, byMediaType: Record<string, unknown>): void {
  for (const [mediaType, value] of Object.entries(byMediaType)) {
    const media = content?.[mediaType];
    if (media) media.example = value;
  }
}
