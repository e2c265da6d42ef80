import { JSON_VALUES, pick, RAW_BODIES, TEXT_VALUES } from './values.ts';

/** One request of the sweep; `write` marks those that must change nothing when refused. */
export interface HostileRequest {
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  write: boolean;
}

/** Existing rows whose ids fill the path parameters the request does not attack. */
export interface Fixture {
  movie: number;
  actor: number;
  user: number;
  job: number;
}

interface Parameter {
  in: string;
  name: string;
  schema?: { type?: string };
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

const SAMPLE: Record<string, unknown> = {
  title: 'Fuzz',
  movie_name: 'Fuzz',
  name: 'Fuzz Person',
  age: 30,
  gender: 'female',
  release_date: '1999-03-31',
  director: 'Fuzz Director',
  genres: ['Drama'],
  genre: ['Drama'],
  popularity: 5,
  imdb_score: 5,
  imdbScore: 5,
  character: 'Fuzz',
  billing_order: 1,
  password: 'Fuzz-Passw0rd',
  refresh_token: 'not-a-token',
  role: 'casting_assistant',
  active: true,
};

export interface Sizes {
  valuesPerField: number; // how many hostile values each field gets (all when large)
  next: () => number;
}

/** Every operation of the document, each parameter and body field attacked in turn. */
export function hostileRequests(document: OpenApiDocument, fixture: Fixture, sizes: Sizes): HostileRequest[] {
  const requests: HostileRequest[] = [];
  for (const [template, operations] of Object.entries(document.paths)) {
    for (const [lower, operation] of Object.entries(operations)) {
      const method = lower.toUpperCase();
      // Logging out would end the session the rest of the sweep is sent with.
      if (template.startsWith('/docs') || template === '/metrics' || template === '/auth/logout') continue;
      requests.push(...forOperation(method, template, operation, fixture, sizes));
    }
  }
  return requests;
}

function forOperation(method: string, template: string, operation: Operation, fixture: Fixture, sizes: Sizes): HostileRequest[] {
  const write = method !== 'GET';
  const params = operation.parameters ?? [];
  const body = jsonBody(operation, fixture);
  const headers = body === undefined ? {} : { 'content-type': 'application/json' };
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const at = (url: string, label: string, extra: Partial<HostileRequest> = {}) =>
    ({ label: `${method} ${template} ${label}`, method, url, headers, payload, write, ...extra }) as HostileRequest;
  const requests: HostileRequest[] = [];
  for (const param of params.filter((p) => p.in === 'path')) {
    for (const value of pick(TEXT_VALUES, sizes.valuesPerField, sizes.next)) {
      requests.push(at(pathOf(template, fixture, { [param.name]: value }), `path ${param.name}=${short(value)}`));
    }
  }
  if (method === 'DELETE') return requests; // valid paths below would delete the fixtures
  const path = pathOf(template, fixture, {});
  for (const param of params.filter((p) => p.in === 'query')) {
    for (const value of pick(TEXT_VALUES, sizes.valuesPerField, sizes.next)) {
      requests.push(at(`${path}?${param.name}=${value}`, `query ${param.name}=${short(value)}`));
    }
    requests.push(at(`${path}?${param.name}=1&${param.name}=2`, `query ${param.name} twice`));
  }
  for (const unknown of ['__proto__', 'constructor', 'zzz', 'toString']) requests.push(at(`${path}?${unknown}=1`, `query ${unknown}`));
  requests.push(at(`${path}/`, 'trailing slash'));
  if (body !== undefined) requests.push(...bodyRequests(body, sizes, (payload, label) => at(path, label, { payload })));
  return requests;
}

function bodyRequests(body: Record<string, unknown>, sizes: Sizes, at: (payload: string | Buffer, label: string) => HostileRequest) {
  const requests: HostileRequest[] = [];
  const fields = Object.keys(body);
  for (const field of fields) {
    for (const raw of pick(JSON_VALUES, sizes.valuesPerField, sizes.next)) {
      requests.push(at(withRaw(body, field, raw), `body ${field}=${short(raw)}`));
    }
  }
  for (const key of ['__proto__', 'constructor', 'toString', 'zzz']) requests.push(at(withRaw(body, key, '1'), `body extra key ${key}`));
  for (const raw of RAW_BODIES) requests.push(at(raw, `raw body ${short(raw.toString('latin1'))}`));
  return requests;
}

/** The body's JSON with `field` set to a raw JSON text (1e309 and "\ud800" must arrive as typed). */
function withRaw(body: Record<string, unknown>, field: string, raw: string): string {
  const marker = '\u0001HOSTILE\u0001';
  return JSON.stringify({ ...body, [field]: marker }).replace(JSON.stringify(marker), () => raw);
}

let users = 0;

function jsonBody(operation: Operation, fixture: Fixture): Record<string, unknown> | undefined {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  if (!schema || schema.type !== 'object' || !schema.properties) return undefined;
  const ids: Record<string, number> = { id: fixture.movie, actor_id: fixture.actor };
  const unique = `fuzz${++users}`;
  const body: Record<string, unknown> = {};
  for (const name of Object.keys(schema.properties)) {
    body[name] = ids[name] ?? (name === 'username' || name === 'email' ? unique : (SAMPLE[name] ?? 'x'));
  }
  return body;
}

/** A path with fixture ids, except the parameters given (raw, already encoded). */
export function pathOf(template: string, fixture: Fixture, given: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => given[name] ?? String(idFor(template, name, fixture)));
}

function idFor(template: string, name: string, fixture: Fixture): number {
  if (name === 'actor_id' || template.startsWith('/actors')) return fixture.actor;
  if (template.startsWith('/users') || template.startsWith('/update_user')) return fixture.user;
  if (template.startsWith('/movies/import')) return fixture.job;
  return fixture.movie;
}

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 20)}…(${text.length})` : text);
