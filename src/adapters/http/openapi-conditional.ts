/** What the document needs to know of an operation to declare its conditional headers. */
export interface ConditionalOperation {
  responses?: Record<string, unknown>;
  parameters?: object[];
}

/** A 304 answer means the operation reads If-None-Match; a 412 answer means it reads If-Match. */
const HEADERS_BY_STATUS: [status: string, name: string, description: string][] = [
  ['304', 'If-None-Match', 'an ETag this client holds: 304 with no body while it still matches'],
  [
    '412',
    'If-Match',
    'the ETag last read: 412 when the resource changed since (or the tag is malformed, weak or a list); omit it or send * to write regardless',
  ],
];

/**
 * Declares If-None-Match and If-Match as optional header parameters of the operations that
 * honour them (conditional.ts reads them from the raw headers), so generated clients can send them.
 */
export function declareConditionalHeaders(paths: Record<string, Record<string, ConditionalOperation>>): void {
  for (const operation of Object.values(paths).flatMap((operations) => Object.values(operations))) {
    for (const [status, name, description] of HEADERS_BY_STATUS) {
      if (!operation.responses?.[status]) continue;
      const parameter = { in: 'header', name, required: false, schema: { type: 'string' }, description };
      operation.parameters = [...(operation.parameters ?? []), parameter];
    }
  }
}
