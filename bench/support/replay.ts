import { readFileSync } from 'node:fs';
import pg from 'pg';
import { WORD_SIMILARITY_THRESHOLD } from '../../src/domain/search-text.ts';
import type { RecordedStatement } from './marquee-statements.ts';

/** The statements Marquee sent per benchmark URL, as the benchmark recorded them (file in BENCH_STATEMENTS). */
export function recordedStatements(): Map<string, RecordedStatement[]> {
  return new Map(Object.entries(JSON.parse(readFileSync(process.env.BENCH_STATEMENTS ?? '/dev/null', 'utf8') || '{}')));
}

/** A bare pool whose connections get the search setting Marquee's get (pg_trgm's `<%` threshold). */
export function barePool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  pool.on('connect', (client) => void client.query(`set pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`));
  return pool;
}

const asText = (value: string) => value;
// Dates and instants stay text, as in Marquee's driver, so both sides do the same work.
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 1082 || oid === 1184 ? asText : pg.types.getTypeParser(oid, format)),
};

/** Every statement at once, each as recorded (a prepared one under its name). */
export function replay(pool: pg.Pool, statements: RecordedStatement[]): Promise<pg.QueryResult[]> {
  return Promise.all(statements.map((s) => pool.query({ text: s.text, values: s.values, types, ...(s.name ? { name: s.name } : {}) })));
}
