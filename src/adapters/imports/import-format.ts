import { ImportFormatError } from '../../domain/import-errors.ts';

export type ImportFormat = 'json' | 'ndjson' | 'csv';

// Maps, not object literals: the keys come from the client, and "constructor" or "__proto__"
// must find nothing rather than Object.prototype's members.
const BY_MEDIA_TYPE = new Map<string, ImportFormat>([
  ['application/json', 'json'],
  ['application/x-ndjson', 'ndjson'],
  ['application/ndjson', 'ndjson'],
  ['application/jsonl', 'ndjson'],
  ['application/x-jsonlines', 'ndjson'],
  ['text/csv', 'csv'],
  ['application/csv', 'csv'],
]);
const BY_EXTENSION = new Map<string, ImportFormat>([
  ['json', 'json'],
  ['ndjson', 'ndjson'],
  ['jsonl', 'ndjson'],
  ['csv', 'csv'],
]);
// Types that say nothing about the format (what browsers and curl send for a file): ask the name.
const GENERIC = new Set(['', 'application/octet-stream', 'text/plain', 'application/vnd.ms-excel', 'multipart/form-data']);
const UTF8 = new Set(['utf-8', 'utf8', 'us-ascii']);

/**
 * The format of an upload from its content type, else its file name; unknown → 415.
 * A charset other than UTF-8 is refused too: the parsers read UTF-8 only.
 */
export function detectFormat(hints: { contentType?: string | null; fileName?: string | null }): ImportFormat {
  const [type = '', ...params] = (hints.contentType ?? '')
    .toLowerCase()
    .split(';')
    .map((s) => s.trim());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  if (charset && !UTF8.has(charset))
    throw new ImportFormatError('IMPORT_FORMAT_UNKNOWN', `charset ${charset} is not supported; send UTF-8`);
  const byType = BY_MEDIA_TYPE.get(type);
  if (byType) return byType;
  const extension = /\.([a-z0-9]+)$/i.exec(hints.fileName ?? '')?.[1]?.toLowerCase() ?? '';
  const byName = GENERIC.has(type) ? BY_EXTENSION.get(extension) : undefined;
  if (byName) return byName;
  throw new ImportFormatError(
    'IMPORT_FORMAT_UNKNOWN',
    'unknown import format: send JSON (application/json, .json), NDJSON (application/x-ndjson, .ndjson, .jsonl) or CSV (text/csv, .csv)',
  );
}
