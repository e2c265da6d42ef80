import { createHash } from 'node:crypto';
import type { ClientBase, Pool, QueryResult } from 'pg';

/**
 * Named prepared statements for every parameterised statement on PostgreSQL, below Kysely
 * and MikroORM, so no repository changes. Unnamed, each statement is parsed and planned
 * again on every call (GET /movies/:id: 432 → 783 req/s measured with names, issue 13).
 * A statement with parameters is always a single command, so it can be prepared; one
 * without (DDL, migrations, `begin`, `deallocate`) is sent as it was.
 */
export const PREPARED_PER_CONNECTION = 256;

/** Statements a schema change made unusable: re-prepared under a fresh name. */
const STALE = new Set([
  '0A000', // cached plan must not change result type (a column added, dropped or retyped)
  '26000', // prepared statement does not exist (closed behind the client's back)
  '42P05', // prepared statement already exists (the client lost track of one)
]);

type Send = (config: unknown, values?: unknown, callback?: unknown) => unknown;
type PgClient = ClientBase & {
  getTransactionStatus(): 'I' | 'T' | 'E' | null;
  /** Names pg knows the server has prepared on this connection (pg skips Parse for them). */
  connection: { parsedStatements: Record<string, string> };
};

/** Installs named statements on every connection the pool opens, each with its own bounded cache. */
export function preparingStatementsOn(pool: Pool, capacity = PREPARED_PER_CONNECTION): void {
  pool.on('connect', (client) => preparingStatements(client, capacity));
}

/** Stable across processes and connections: the same SQL text always has the same name. */
const names = new Map<string, string>();
function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `mq_${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size >= 10 * PREPARED_PER_CONNECTION) names.clear(); // many shapes: forget, the hash is cheap
    names.set(text, name);
  }
  return name;
}

/** Replaces `client.query(text, values)` (what Kysely calls) by a named-statement equivalent. */
export function preparingStatements(client: ClientBase, capacity = PREPARED_PER_CONNECTION): void {
  // The class's query, looked up per call: a probe patching pg's Client prototype (test/support) still sees every statement.
  const send: Send = (...args) => (Object.getPrototypeOf(client) as { query: (...a: unknown[]) => unknown }).query.apply(client, args);
  const cache = new StatementCache(client, send, capacity);
  const query: Send = (config, values, callback) => {
    const preparable = typeof config === 'string' && Array.isArray(values) && values.length > 0;
    if (!preparable) return send(config, values, callback);
    const result = cache.run(config, values);
    if (typeof callback !== 'function') return result; // Kysely's form; pg.Pool#query passes a callback
    const answer = callback as (error: unknown, result?: QueryResult) => void;
    result.then((rows) => answer(null, rows), answer);
    return undefined;
  };
  // The seam: pg's Client.query is overloaded; this keeps every overload and changes only Kysely's form.
  client.query = query as unknown as ClientBase['query'];
}

/** The statements prepared on one connection, least recently used first. */
class StatementCache {
  /** SQL text → name on this connection; a stale statement's text gets a fresh name (generation suffix). */
  private readonly prepared = new Map<string, string>();
  private generation = 0;
  private readonly client: PgClient;
  private readonly send: Send;
  private readonly capacity: number;

  constructor(client: ClientBase, send: Send, capacity: number) {
    // pg's Client has both members; its type declarations list neither.
    this.client = client as PgClient;
    this.send = send;
    this.capacity = capacity;
  }

  async run(text: string, values: unknown[]): Promise<QueryResult> {
    const name = this.use(text);
    try {
      return await (this.send({ name, text, values }) as Promise<QueryResult>);
    } catch (error) {
      if (!STALE.has((error as { code?: string }).code ?? '')) throw error;
      this.prepared.set(text, `${nameOf(text)}_${++this.generation}`);
      // Outside a transaction nothing else was affected: prepare again and answer. Inside one the
      // failure aborted it; the caller sees the error, and its next attempt uses the fresh name.
      if (this.client.getTransactionStatus() !== 'I') throw error;
      return await (this.send({ name: this.use(text), text, values }) as Promise<QueryResult>);
    }
  }

  /** The statement's name on this connection, marked most recently used. */
  private use(text: string): string {
    const name = this.prepared.get(text) ?? nameOf(text);
    this.prepared.delete(text);
    this.prepared.set(text, name);
    if (this.prepared.size > this.capacity) this.evictOldest();
    return name;
  }

  /**
   * Deallocates the least recently used quarter in one statement, queued before the caller's.
   * pg forgets them only once the server has (the callback runs before the next query is
   * sent), so a failed deallocate leaves pg and the server agreeing that they still exist.
   */
  private evictOldest(): void {
    const parsed = this.client.connection.parsedStatements;
    const evicted = [...this.prepared].slice(0, Math.ceil(this.capacity / 4));
    for (const [text] of evicted) this.prepared.delete(text);
    const onServer = evicted.map(([, name]) => name).filter((name) => parsed[name] !== undefined);
    if (onServer.length === 0) return;
    this.send(onServer.map((name) => `deallocate "${name}"`).join('; '), (error: unknown) => {
      if (!error) for (const name of onServer) delete parsed[name];
    });
  }
}
