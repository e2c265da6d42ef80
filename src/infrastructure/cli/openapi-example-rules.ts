import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { type CheckedDocument, type MediaType, operationsOf } from './openapi-rules.ts';

/*
 * Examples are what a reader of the reference page and of a generated client copies, so each
 * must exist and must be valid: every request body and every answer with a body (successes and
 * the error envelope) has one per media type, and each validates against its schema.
 */

// The document's schemas are JSON Schema 2020-12 with OpenAPI's annotations (example, binary).
const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
addFormats.default(ajv);
ajv.addFormat('binary', true);

function mediaExamples(media: MediaType): unknown[] {
  if (media.example !== undefined) return [media.example];
  return Object.values(media.examples ?? {}).map((example) => example.value);
}

function mediaProblems(where: string, media: MediaType): string[] {
  const examples = mediaExamples(media);
  if (examples.length === 0) return [`${where} has no example (src/adapters/http/examples/)`];
  if (!media.schema) return [];
  const validate = ajv.compile(media.schema);
  return examples.flatMap((example) =>
    validate(example) ? [] : [`${where}: the example does not match the schema: ${ajv.errorsText(validate.errors)}`],
  );
}

export function exampleProblems(document: CheckedDocument): string[] {
  return operationsOf(document).flatMap(({ name, operation }) => [
    ...Object.entries(operation.requestBody?.content ?? {}).flatMap(([type, media]) =>
      mediaProblems(`${name} request body ${type}`, media),
    ),
    ...Object.entries(operation.responses ?? {}).flatMap(([status, response]) =>
      Object.entries(response.content ?? {}).flatMap(([type, media]) => mediaProblems(`${name} answer ${status} ${type}`, media)),
    ),
  ]);
}
