export { ByteMeter } from './byte-meter.ts';
export { parseCsv } from './csv-parser.ts';
export { detectFormat, type ImportFormat } from './import-format.ts';
export { DEFAULT_MAX_RECORD_CHARS, parseJsonArray } from './json-array-parser.ts';
export { parseNdjson } from './ndjson-parser.ts';
export { parseImport, type ParseImportOptions } from './parse-import.ts';
export { idleLimit, withinIdle } from './idle-limit.ts';
export { type ByteSource, decodeUtf8, limitBytes } from './text-chunks.ts';
export { decodeRecords, type RecordDecoder } from './record-stream.ts';
