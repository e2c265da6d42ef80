import { ImportLimitError, ImportSyntaxError } from '../../domain/import-errors.ts';
import { DEFAULT_MAX_RECORD_CHARS } from './json-array-parser.ts';
import { type ByteSource, decodeUtf8 } from './text-chunks.ts';
import { jsonErrorOffset, jsonErrorReason } from './text-position.ts';

/** Splits streamed text into lines ("\n" or "\r\n"), holding only the unfinished one. */
export async function* splitLines(texts: AsyncIterable<string>, maxLineChars: number): AsyncGenerator<string> {
  let rest = '';
  let line = 1;
  for await (const text of texts) {
    const lines = (rest + text).split('\n');
    rest = lines.pop() as string;
    if (rest.length > maxLineChars) throw tooLong(line + lines.length, maxLineChars);
    for (const each of lines) {
      if (each.length > maxLineChars) throw tooLong(line, maxLineChars);
      line++;
      yield each.endsWith('\r') ? each.slice(0, -1) : each;
    }
  }
  if (rest !== '') yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

const tooLong = (line: number, max: number) =>
  new ImportLimitError('IMPORT_RECORD_TOO_LARGE', max, `line ${line} is longer than ${max} characters`);

/** One JSON value per line; blank lines are skipped; a bad line → ImportSyntaxError naming it. */
export async function* parseNdjson(source: ByteSource, maxRecordChars = DEFAULT_MAX_RECORD_CHARS): AsyncGenerator<unknown> {
  let line = 0;
  for await (const text of splitLines(decodeUtf8(source), maxRecordChars)) {
    line++;
    if (text.trim() === '') continue;
    try {
      yield JSON.parse(text);
    } catch (error) {
      throw new ImportSyntaxError({ line, column: (jsonErrorOffset(error) ?? 0) + 1 }, jsonErrorReason(error));
    }
  }
}
