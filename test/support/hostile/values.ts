/**
 * Hostile values per kind of input, for the fuzz test (test/http/fuzz.test.ts) and the sweep
 * against a running server (bench/hostile-sweep.ts). Every one of them must be answered with
 * a 4xx and the error envelope, or accepted as ordinary input: never a 5xx.
 */

/** Seeded PRNG (mulberry32): the same seed gives the same run, so a failure reproduces. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

/** Text for a path segment or a query value, already percent-encoded. */
export const TEXT_VALUES: readonly string[] = [
  ...['Infinity', '-Infinity', 'NaN', '1e309', '-1e309', '-0', '+1', '0x10', '0b1', '0o7', '15e0', '1.0', '1.5', ' 1', '1 '],
  ...['0', '-1', '2147483648', '99999999999999999999', '-99999999999999999999', '1e-400', '01', '١'],
  ...['0000-01-01', '10000-01-01', '-000001-01-01', '2024-02-30', '2024-13-01', '9999-12-31T25:00'],
  ...['%00', 'a%00b', '%ED%A0%80', '%ED%B0%80x', '%FF', '%C0%AF', '%', '%zz', '%EF%BF%BD', ''],
  ...NAMES,
  ...['true', 'null', '[]', '{}', 'a,b', 'a|b', 'id.asc', 'title.sideways', `x${'y'.repeat(5000)}`],
];

/** Raw JSON texts for a body field (raw so that 1e309 and lone surrogates arrive as sent). */
export const JSON_VALUES: readonly string[] = [
  ...['1e309', '-1e309', '-0', '1e20', '-1e20', '2147483648', '-2147483649', '0.1', '-1', '0', '1.5e300', '5e-324'],
  ...['"a\\u0000b"', '"\\u0000"', '"\\ud800"', '"x\\udc00"', '"\\udc00\\ud800"', '"\\ufffe"', '""', '" "'],
  ...['"0000-01-01"', '"10000-01-01"', '"-000001-01-01"', '"2024-02-30"', '"Infinity"', '"1e309"', '"0x10"', '"15e0"'],
  ...NAMES.map((name) => JSON.stringify(name)),
  ...['true', 'false', 'null', '[]', '[null]', '["a\\u0000"]', '{}', '{"__proto__":{"x":1}}', '{"a":{"b":{"c":[1]}}}'],
  ...[`"${'x'.repeat(300)}"`, `"${'x'.repeat(70_000)}"`, `[${'"g",'.repeat(2000)}"g"]`],
];

/** Bodies that are no valid JSON object at all, sent with Content-Type: application/json. */
export const RAW_BODIES: readonly (string | Buffer)[] = [
  '',
  'null',
  '[]',
  '"x"',
  '1e309',
  '{"a":1,"a":2}',
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '['.repeat(10_000) + ']'.repeat(10_000),
  Buffer.from([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), // {"title":"\xff\xfe"}
  Buffer.from('{"title":"\xed\xa0\x80"}', 'latin1'), // a surrogate encoded in UTF-8 (invalid)
];

/** Picks `count` distinct items of `from` (all of them when count ≥ length). */
export function pick<T>(from: readonly T[], count: number, next: () => number): T[] {
  if (count >= from.length) return [...from];
  const pool = [...from];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, count);
}
