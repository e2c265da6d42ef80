import { sql, type Expression, type SqlBool } from 'kysely';
import type { KeyValue } from '../../../application/ports/paging.ts';

/** One ORDER BY term of a list: missing values last in both directions, as the indexes are built. */
export interface OrderTerm {
  expression: Expression<unknown>;
  direction: 'asc' | 'desc';
  /** Only a nullable column needs `is null` in its predicates (PostgreSQL 15 does not drop them for NOT NULL columns). */
  nullable: boolean;
}

const FALSE = sql<SqlBool>`false`;

const equal = (term: OrderTerm, value: KeyValue) =>
  value === null ? sql<SqlBool>`${term.expression} is null` : sql<SqlBool>`${term.expression} = ${value}`;

/** Rows whose value comes strictly after `value` in the term's order; nothing comes after a missing value. */
function beyond(term: OrderTerm, value: KeyValue): Expression<SqlBool> {
  if (value === null) return FALSE;
  const compared = term.direction === 'asc' ? sql<SqlBool>`${term.expression} > ${value}` : sql<SqlBool>`${term.expression} < ${value}`;
  return term.nullable ? sql<SqlBool>`(${compared} or ${term.expression} is null)` : compared;
}

/**
 * Rows strictly after the position `values` (one per term, the id last) in the order of
 * `terms`: the first term beyond its value, or equal to it and the second beyond, and so on.
 */
export function after(terms: OrderTerm[], values: KeyValue[]): Expression<SqlBool> {
  const alternatives = terms.map((term, i) => {
    const equalBefore = terms.slice(0, i).map((earlier, j) => equal(earlier, values[j] ?? null));
    return sql.join([...equalBefore, beyond(term, values[i] ?? null)], sql` and `);
  });
  return sql<SqlBool>`(${sql.join(alternatives, sql` or `)})`;
}

/**
 * A bound on the first term alone that an index on it can seek to, so a deep page reads
 * only its own rows. A nullable first term whose position holds a value cannot be bounded
 * on both its later values and its missing ones in one index range: this bound keeps the
 * values, and the missing ones (which come last) are read by `missingAfter` when the
 * values run out.
 */
export function seek(first: OrderTerm, value: KeyValue): Expression<SqlBool> {
  if (value === null) return sql<SqlBool>`${first.expression} is null`;
  return first.direction === 'asc' ? sql<SqlBool>`${first.expression} >= ${value}` : sql<SqlBool>`${first.expression} <= ${value}`;
}

/** The rows with the first term missing, which follow every row that has a value there. */
export const missing = (first: OrderTerm): Expression<SqlBool> => sql<SqlBool>`${first.expression} is null`;
