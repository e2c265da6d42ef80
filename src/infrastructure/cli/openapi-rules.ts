/*
 * What a generated client needs of the served OpenAPI document beyond validity: a stable,
 * unique, camelCase operationId on every operation (it becomes the client's method name), and
 * tags that the document declares with a description (they become the client's groups).
 * Each rule returns one line per problem, naming the operation, so CI says what to fix.
 */

export interface DocumentOperation {
  operationId?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { content?: Record<string, MediaType> }>;
}

export interface MediaType {
  schema?: object;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}

export interface CheckedDocument {
  paths?: Record<string, Record<string, DocumentOperation>>;
  tags?: { name: string; description?: string }[];
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

/** Every operation of the document with the name CI prints for it ("POST /movies"). */
export function operationsOf(document: CheckedDocument): { name: string; operation: DocumentOperation }[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
  );
}

export function operationIdProblems(document: CheckedDocument): string[] {
  const problems: string[] = [];
  const owners = new Map<string, string>();
  for (const { name, operation } of operationsOf(document)) {
    const id = operation.operationId;
    if (id === undefined) problems.push(`${name} has no operationId (add operationId to its route schema)`);
    else if (!CAMEL_CASE.test(id)) problems.push(`${name}: operationId "${id}" is not camelCase`);
    else if (owners.has(id)) problems.push(`${name}: operationId "${id}" is already used by ${owners.get(id)}`);
    if (id !== undefined) owners.set(id, owners.get(id) ?? name);
  }
  return problems;
}

export function tagProblems(document: CheckedDocument): string[] {
  const declared = new Map((document.tags ?? []).map((tag) => [tag.name, tag.description]));
  const problems = [...declared].filter(([, description]) => !description).map(([tag]) => `tag "${tag}" has no description`);
  for (const { name, operation } of operationsOf(document)) {
    if (!operation.tags?.length) problems.push(`${name} has no tag`);
    for (const tag of operation.tags ?? []) {
      if (!declared.has(tag)) problems.push(`${name}: tag "${tag}" is not declared (API_TAGS in src/adapters/http/openapi-description.ts)`);
    }
  }
  return problems;
}
