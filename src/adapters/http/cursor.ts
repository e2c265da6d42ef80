import { createHash } from 'node:crypto';
import type { KeyValue, Position } from '../../application/ports/paging.ts';
import { DomainError } from '../../domain/errors.ts';

/** What a cursor may hold for a sort field; checked before any value reaches the database. */
export type CursorValueKind = 'text' | 'number' | 'integer' | 'date' | 'instant';

/** A list that pages by cursor: its name and the kind of value each of its sort fields holds. */
export interface CursorList<F extends string> {
  name: string;
  kinds: Record<F, CursorValueKind>;
  /** The kinds of the keys of a search's order (`q` without `sort`: best match first), as the repositories rank. */
  ranked: CursorValueKind[];
}

const MAX_INT = 2_147_483_647;
const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const INSTANT = /^(\d{4}-\d\d-\d\d)[T ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-](0\d|1[0-4])(:?[0-5]\d)?)$/;

/** A real day of the years 1–9999 (what PostgreSQL's date accepts without complaint). */
function isDay(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const CHECKS: Record<CursorValueKind, (value: KeyValue) => boolean> = {
  // NUL is the one character PostgreSQL text cannot hold.
  text: (value) => typeof value === 'string' && value.length <= 1000 && !value.includes('\u0000'),
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  integer: (value) => Number.isInteger(value) && Math.abs(value as number) <= MAX_INT,
  date: (value) => typeof value === 'string' && isDay(value),
  instant: (value) => typeof value === 'string' && isDay(INSTANT.exec(value)?.[1] ?? ''),
};

/**
 * The check part of a cursor: a digest of the list, the sort and the values, so a cursor
 * that was cut, edited or made for another list or sort is refused. It is no signature (a
 * client can forge one), and need not be: a forged cursor only names a place in a list the
 * client may read in full.
 */
const digest = (list: string, context: string, payload: string) =>
  createHash('sha256').update(`${list}\n${context}\n${payload}`).digest('base64url').slice(0, 12);

export function encodeCursor(list: string, context: string, position: Position): string {
  const payload = JSON.stringify([...position.values, position.id]);
  return `${Buffer.from(payload).toString('base64url')}.${digest(list, context, payload)}`;
}

export const invalidCursor = (): DomainError =>
  new DomainError('malformed', 'INVALID_REQUEST', 'cursor is not one this list gave out for this sort: start again without it', [
    { path: '/cursor', message: 'use the next_cursor of a previous page of the same list and sort' },
  ]);

/**
 * The position a cursor names, after checking it came from this list and order (`context`:
 * the sort, or the search it ranks) and holds a value of the right kind per key.
 */
export function decodeCursor(list: string, context: string, kinds: CursorValueKind[], cursor: string): Position {
  const [encoded = '', check] = cursor.split('.');
  const payload = Buffer.from(encoded, 'base64url').toString();
  if (check !== digest(list, context, payload)) throw invalidCursor();
  let values: unknown;
  try {
    values = JSON.parse(payload);
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(values) || values.length !== kinds.length + 1) throw invalidCursor();
  const id = values.at(-1) as KeyValue;
  const keys = values.slice(0, -1) as KeyValue[];
  const valid = kinds.every((kind, i) => keys[i] === null || CHECKS[kind](keys[i]!));
  if (!valid || !CHECKS.integer(id) || (id as number) < 1) throw invalidCursor();
  return { values: keys, id: id as number };
}
