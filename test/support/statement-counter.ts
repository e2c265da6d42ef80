import type { Database } from '../../src/infrastructure/database.ts';

type Query = (...args: unknown[]) => unknown;
interface Queryable {
  query: Query;
}

/**
 * Records every statement sent to the driver (PGlite's instance, or each pg client of the
 * pool) until `stop`: what a repository costs in round trips, seen below MikroORM and Kysely.
 */
export function countStatements(database: Database): { statements: string[]; stop(): void } {
  const statements: string[] = [];
  const native: object = database.native;
  // pg.Pool makes its clients from `Client`; PGlite is its own one connection.
  const target = ('Client' in native ? (native.Client as { prototype: object }).prototype : native) as Queryable;
  const original = target.query;
  target.query = function (this: unknown, ...args: unknown[]) {
    statements.push(String(typeof args[0] === 'object' ? (args[0] as { text?: string }).text : args[0]));
    return original.apply(this, args);
  };
  return { statements, stop: () => void (target.query = original) };
}
