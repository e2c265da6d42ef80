import type { HostileRequest } from './requests.ts';
import { JSON_VALUES } from './values.ts';

const FIELDS = ['title', 'release_date', 'director', 'genres', 'popularity', 'imdb_score', 'name', '99popularity', 'genre'];
const CSV_CELLS = ['a\u0000b', '0000-01-01', '10000-01-01', '1e309', 'Infinity', '-0', '99999999999999999999', '\ud800', '=1+1', ''];

const post = (label: string, url: string, contentType: string, payload: string | Buffer): HostileRequest => ({
  label: `POST ${url.split('?')[0]} ${label}`,
  method: 'POST',
  url,
  headers: { 'content-type': contentType },
  payload,
  write: true,
});

/** Files with one hostile value per row, in every format and mode; and broken multipart uploads. */
export function hostileImports(): HostileRequest[] {
  const requests: HostileRequest[] = [];
  for (const query of ['dry_run=true', 'mode=partial', 'mode=atomic']) {
    const url = `/movies/import?${query}`;
    for (const field of FIELDS) {
      const rows = JSON_VALUES.map((raw) => `{"title":"Fuzz row","${field}":${raw}}`);
      requests.push(post(`json ${field} ${query}`, url, 'application/json', `[${rows.join(',')}]`));
      requests.push(post(`ndjson ${field} ${query}`, url, 'application/x-ndjson', rows.join('\n')));
      const cells = CSV_CELLS.map((cell) => `Fuzz csv,"${cell.replace(/"/g, '""')}"`);
      requests.push(post(`csv ${field} ${query}`, url, 'text/csv', [`title,${field}`, ...cells].join('\n')));
    }
    for (const column of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      requests.push(post(`csv column ${column} ${query}`, url, 'text/csv', `title,${column}\nFuzz,1\n`));
      requests.push(post(`json key ${column} ${query}`, url, 'application/json', `[{"title":"Fuzz","${column}":1}]`));
    }
  }
  return [...requests, ...brokenMultipart()];
}

const BOUNDARY = 'fuzzboundary';
const part = (name: string, fileName: string, type: string, content: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`;

function brokenMultipart(): HostileRequest[] {
  const url = '/movies/import?dry_run=true';
  const csv = 'title\nFuzz\n';
  const whole = (body: string) => `${body}--${BOUNDARY}--\r\n`;
  const cases: [string, string, string][] = [
    ['no boundary', 'multipart/form-data', whole(part('file', 'a.csv', 'text/csv', csv))],
    ['boundary never appears', `multipart/form-data; boundary=${BOUNDARY}`, csv],
    ['unfinished part', `multipart/form-data; boundary=${BOUNDARY}`, part('file', 'a.csv', 'text/csv', csv).slice(0, 60)],
    ['no closing boundary', `multipart/form-data; boundary=${BOUNDARY}`, part('file', 'a.csv', 'text/csv', csv)],
    ['empty', `multipart/form-data; boundary=${BOUNDARY}`, ''],
    ['bad header', `multipart/form-data; boundary=${BOUNDARY}`, `--${BOUNDARY}\r\nNonsense\r\n\r\nx\r\n--${BOUNDARY}--\r\n`],
  ];
  for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    cases.push([
      `file named movies.${key}`,
      `multipart/form-data; boundary=${BOUNDARY}`,
      whole(part('file', `movies.${key}`, 'application/octet-stream', csv)),
    ]);
    cases.push([`media type ${key}`, `multipart/form-data; boundary=${BOUNDARY}`, whole(part('file', 'movies', key, csv))]);
    cases.push([`field named ${key}`, `multipart/form-data; boundary=${BOUNDARY}`, whole(part(key, 'a.csv', 'text/csv', csv))]);
  }
  return cases.map(([label, type, body]) => post(`multipart ${label}`, url, type, body));
}

/** Files made to stall a parser: `scale` 1 is the size of the original report (100,000 columns). */
export function freezingFiles(scale = 1): { label: string; contentType: string; body: string }[] {
  const columns = Math.round(100_000 * scale);
  const header = Array.from({ length: columns }, (_, i) => `c${i}`).join(',');
  return [
    { label: 'csv wide header', contentType: 'text/csv', body: `${header}\n` },
    { label: 'csv one long line', contentType: 'text/csv', body: `title\n${'x'.repeat(Math.round(4_000_000 * scale))}\n` },
    { label: 'csv huge quoted cell', contentType: 'text/csv', body: `title\n"${'x,'.repeat(Math.round(2_000_000 * scale))}"\n` },
    { label: 'csv many tiny rows', contentType: 'text/csv', body: `title\n${'a\n'.repeat(Math.round(1_000_000 * scale))}` },
    { label: 'csv many blank lines', contentType: 'text/csv', body: `title\n${'\n'.repeat(Math.round(4_000_000 * scale))}` },
    { label: 'json deep nesting', contentType: 'application/json', body: `[${'['.repeat(Math.round(500_000 * scale))}` },
    { label: 'json huge string', contentType: 'application/json', body: `[{"title":"${'x'.repeat(Math.round(4_000_000 * scale))}"}]` },
    { label: 'json many tiny rows', contentType: 'application/json', body: `[${'{},'.repeat(Math.round(500_000 * scale))}{}]` },
    {
      label: 'ndjson one long line',
      contentType: 'application/x-ndjson',
      body: `{"title":"${'x'.repeat(Math.round(8_000_000 * scale))}"}`,
    },
    { label: 'ndjson many tiny rows', contentType: 'application/x-ndjson', body: '{}\n'.repeat(Math.round(1_000_000 * scale)) },
  ];
}
