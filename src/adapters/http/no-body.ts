import type { FastifyRequest, RouteOptions } from 'fastify';

type Problem = { keyword: string; instancePath: string; schemaPath: string; params: Record<string, unknown>; message: string };

/**
 * A route that declares no body takes none: a body it would only ignore — unknown fields, or
 * paging that belongs in the query — is a 400 INVALID_REQUEST, worded like an unknown field
 * of a body schema. An empty object carries nothing and passes, as no body does. Done as a
 * hook rather than a schema, so the OpenAPI document does not grow a request body.
 */
export function refuseUnexpectedBody(route: RouteOptions): void {
  if (route.url.startsWith('/docs') || route.schema?.body) return;
  route.preValidation = [refuseBody, ...[route.preValidation ?? []].flat()];
}

async function refuseBody(request: FastifyRequest): Promise<void> {
  const body: unknown = request.body;
  if (body === undefined) return;
  const problems = isPlainObject(body) ? Object.keys(body).map(unknownField) : [notAbsent];
  if (problems.length > 0) throw invalidBody(problems);
}

const isPlainObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);

const unknownField = (field: string): Problem => ({
  keyword: 'additionalProperties',
  instancePath: '',
  schemaPath: '#/additionalProperties',
  params: { additionalProperty: field },
  message: 'must NOT have additional properties',
});

const notAbsent: Problem = {
  keyword: 'type',
  instancePath: '',
  schemaPath: '#/type',
  params: {},
  message: 'must be absent: this route takes no body',
};

/** Shaped as Fastify's own validation error, so the error handler answers it like any other. */
function invalidBody(validation: Problem[]): Error {
  return Object.assign(new Error('body is not taken by this route'), {
    statusCode: 400,
    code: 'FST_ERR_VALIDATION',
    validation,
    validationContext: 'body',
  });
}
