import t from 'tap';
import { parseCsv } from '../../../src/adapters/imports/csv-parser.ts';
import { parseJsonArray } from '../../../src/adapters/imports/json-array-parser.ts';
import { parseNdjson } from '../../../src/adapters/imports/ndjson-parser.ts';
import { parseImport } from '../../../src/adapters/imports/parse-import.ts';
import { ImportFormatError, ImportLimitError, ImportSyntaxError } from '../../../src/domain/import-errors.ts';
import { chunked, collect, failure } from './support.ts';

t.test('JSON array: records one at a time, whatever the chunking', async (t) => {
  const text = '[ {"name":"Heat, \\"the\\" ]}","genre":["Crime"," Drama"]},\n {"title":"Amélie","n":[1,[2]]} ]\n';
  for (const size of [1, 3, 1000]) {
    t.same(await collect(parseJsonArray(chunked(text, size))), [
      { name: 'Heat, "the" ]}', genre: ['Crime', ' Drama'] },
      { title: 'Amélie', n: [1, [2]] },
    ]);
  }
  t.same(await collect(parseJsonArray(chunked(' [ ] '))), []);
});

t.test('broken JSON names the line and column', async (t) => {
  const cases: [string, number, number, RegExp][] = [
    ['[\n  {"a": 1},\n  {"b" 2}\n]', 3, 8, /Expected ':'/],
    ['[\n {"a": 1]\n', 2, 9, /unexpected "\]"/],
    ['[{"a": 1},]', 1, 11, /unexpected "\]"/],
    ['[{"a": 1}', 1, 10, /not closed/],
    ['{"a": 1}', 1, 1, /JSON array/],
    ['[{"a": 1}]\n x', 2, 2, /after the closing/],
    ['', 1, 1, /empty/],
  ];
  for (const [text, line, column, reason] of cases) {
    const error = await failure(collect(parseJsonArray(chunked(text, 2))));
    t.type(error, ImportSyntaxError, text);
    t.same(error.where, { line, column }, text);
    t.match(error.message, reason, text);
    t.equal(error.kind, 'malformed');
  }
});

t.test('NDJSON: line by line, blank lines skipped, a bad line is named', async (t) => {
  t.same(await collect(parseNdjson(chunked('{"a":1}\r\n\n   \n{"a":2}'))), [{ a: 1 }, { a: 2 }]);
  const error = await failure(collect(parseNdjson(chunked('{"a":1}\n\n{"a":\n'))));
  t.type(error, ImportSyntaxError);
  t.equal((error.where as { line: number }).line, 3);
  t.match(error.message, /^line 3, column \d+: invalid JSON/);
});

t.test('CSV: header names fields; quoted commas, quotes and newlines; typed numbers', async (t) => {
  const text = 'title,genres,imdb_score,director\r\n"Heat, the","Crime| Drama",8.3,\r\n"Say ""hi""\nthere",,high,Someone\n\n';
  t.same(await collect(parseCsv(chunked(text, 3))), [
    { title: 'Heat, the', genres: 'Crime| Drama', imdb_score: 8.3 },
    { title: 'Say "hi"\nthere', imdb_score: 'high', director: 'Someone' },
  ]);
});

t.test('broken CSV names the line', async (t) => {
  const cases: [string, number, RegExp][] = [
    ['a,b\n1,2\n1,2,3\n', 3, /3 fields/],
    ['a,b\n"x"y,1\n', 2, /after a closing quote/],
    ['a\n"never closed\n\n', 4, /inside a quoted field/],
    ['a,,c\n', 1, /header column 2/],
    ['', 1, /empty/],
  ];
  for (const [text, line, reason] of cases) {
    const error = await failure(collect(parseCsv(chunked(text))));
    t.type(error, ImportSyntaxError, text);
    t.equal((error.where as { line: number }).line, line, text);
    t.match(error.message, reason, text);
  }
});

t.test('bytes that are not UTF-8 text are refused as a format error', async (t) => {
  const binaries = [Buffer.from([0x5b, 0x7b, 0x00, 0x7d]), Buffer.from([0x5b, 0xff, 0xfe, 0x5d]), Buffer.from([0x5b, 0xc3])];
  for (const parse of [parseJsonArray, parseNdjson, parseCsv]) {
    for (const bytes of binaries) {
      const error = await failure(collect(parse(chunked(bytes, 1))));
      t.type(error, ImportFormatError);
      t.equal(error.kind, 'unsupported_media');
      t.equal(error.code, 'IMPORT_NOT_TEXT');
    }
  }
});

t.test('limits: bytes, rows and one oversized record', async (t) => {
  const lines = '{"a":1}\n'.repeat(10);
  t.equal((await collect(parseImport(chunked(lines), { format: 'ndjson', maxBytes: 80, maxRows: 10 }))).length, 10);
  const bytes = await failure(collect(parseImport(chunked(lines), { format: 'ndjson', maxBytes: 79, maxRows: 10 })));
  t.type(bytes, ImportLimitError);
  t.match(bytes, { kind: 'too_large', code: 'IMPORT_TOO_LARGE', limit: 79 });
  const rows = await failure(collect(parseImport(chunked(lines), { format: 'ndjson', maxBytes: 1000, maxRows: 9 })));
  t.match(rows, { kind: 'too_large', code: 'IMPORT_TOO_MANY_ROWS', limit: 9 });
  const big = `[{"title":"${'x'.repeat(500)}"}]`;
  for (const format of ['json', 'ndjson', 'csv'] as const) {
    const text = format === 'csv' ? `title\n${'x'.repeat(500)}\n` : big;
    const error = await failure(collect(parseImport(chunked(text, 64), { format, maxBytes: 1e6, maxRows: 10, maxRecordChars: 100 })));
    t.match(error, { kind: 'too_large', code: 'IMPORT_RECORD_TOO_LARGE' }, format);
  }
});

t.test('the byte limit stops reading: the rest of the stream is never pulled', async (t) => {
  let pulled = 0;
  async function* endless() {
    for (;;) {
      pulled++;
      yield Buffer.from('{"a":1}\n'.repeat(100));
    }
  }
  const error = await failure(collect(parseImport(endless(), { format: 'ndjson', maxBytes: 10_000, maxRows: 1e9 })));
  t.match(error, { code: 'IMPORT_TOO_LARGE' });
  t.ok(pulled <= 14, `pulled ${pulled} chunks`);
});

t.test('CSV columns named __proto__ or constructor are refused, not dropped', async (t) => {
  for (const column of ['__proto__', 'constructor', 'prototype']) {
    const error = await failure(collect(parseCsv(chunked(`title,${column}\nHeat,1\n`))));
    t.type(error, ImportSyntaxError, column);
    t.match(error.message, new RegExp(`header column 2 is named ${column}`), column);
  }
  // Any other name becomes an own field, which the record mapper reports as unknown.
  t.same(await collect(parseCsv(chunked('title,toString\nHeat,1\n'))), [{ title: 'Heat', toString: '1' }]);
});
