import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { MovieRecord } from '../../../application/ports/import-source.ts';
import { ByteMeter, detectFormat, idleLimit, movieRecords, parseImport, withinIdle, type ImportFormat } from '../../imports/index.ts';
import { DomainError } from '../../../domain/errors.ts';
import { ImportLimitError } from '../../../domain/import-errors.ts';

export interface ImportLimits {
  maxBytes: number; // IMPORT_MAX_BYTES
  maxRows: number; // IMPORT_MAX_ROWS
  idleTimeoutMs?: number; // IMPORT_IDLE_TIMEOUT_MS, default 30 s
}

const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/** An upload's records, parsed lazily: nothing is read until ImportMovies asks for rows. */
export interface Upload {
  format: ImportFormat;
  records: AsyncGenerator<MovieRecord>;
  /** Bytes read so far, and the request's Content-Length (multipart: the whole body, a little more than the file). */
  meter: ByteMeter;
}

type Part = Awaited<ReturnType<ReturnType<FastifyRequest['parts']>['next']>>['value'];

const noFile = () => new DomainError('malformed', 'IMPORT_NO_FILE', 'send one file: the multipart field `file`, or the file as the body');
const extraPart = () =>
  new DomainError('malformed', 'IMPORT_TOO_MANY_FILES', 'send exactly one file (multipart field `file`) and nothing else');

/**
 * The file of POST /movies/import: one multipart part `file`, or the raw body (the import
 * plugin's content-type parsers hand the request stream through unread). The format comes
 * from the content type, else the file name; an unknown one is a 415 before any row is read.
 * A raw body whose Content-Length is over IMPORT_MAX_BYTES is a 413 before any byte is read.
 * Every wait for the client's bytes ends after IMPORT_IDLE_TIMEOUT_MS (408, see idleLimit).
 */
export async function uploadOf(request: FastifyRequest, limits: ImportLimits): Promise<Upload> {
  const idleMs = limits.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const meter = new ByteMeter(contentLength(request));
  if (request.isMultipart()) return multipartUpload(request, limits, idleMs, meter);
  const body = request.body as Readable | undefined;
  if (!body || typeof (body as Partial<Readable>).pipe !== 'function') throw noFile();
  if ((meter.bytesTotal ?? 0) > limits.maxBytes) throw tooLarge(limits.maxBytes);
  const format = detectFormat({ contentType: request.headers['content-type'] });
  return { format, records: movieRecords(parseImport(meter.counting(idleLimit(body, idleMs)), { format, ...limits })), meter };
}

function contentLength(request: FastifyRequest): number | null {
  const length = Number(request.headers['content-length'] ?? Number.NaN);
  return Number.isSafeInteger(length) && length >= 0 ? length : null;
}

async function multipartUpload(request: FastifyRequest, limits: ImportLimits, idleMs: number, meter: ByteMeter): Promise<Upload> {
  const parts = request.parts();
  const nextPart = () => withinIdle(parts.next(), idleMs).catch(asBrokenMultipart);
  const first = (await nextPart()).value as Part | undefined;
  if (!first || first.type !== 'file' || first.fieldname !== 'file') throw first ? extraPart() : noFile();
  const format = detectFormat({ contentType: first.mimetype, fileName: first.filename });
  const bytes = meter.counting(idleLimit(partBytes(first.file), idleMs));
  return { format, records: movieRecords(thenNoMoreParts(parseImport(bytes, { format, ...limits }), nextPart)), meter };
}

const tooLarge = (maxBytes: number) => new ImportLimitError('IMPORT_TOO_LARGE', maxBytes, `the file is larger than ${maxBytes} bytes`);

/**
 * The multipart parser's own errors (no boundary, a boundary that never comes, a part cut
 * short) carry no status: they are the client's malformed body, a 400. Errors that have a
 * status (the plugin's limits) and the domain's keep theirs.
 */
function asBrokenMultipart(error: unknown): never {
  if (error instanceof DomainError || (error as { statusCode?: number }).statusCode) throw error;
  const reason = error instanceof Error ? error.message : String(error);
  throw new DomainError('malformed', 'IMPORT_BAD_MULTIPART', `the multipart body is broken: ${reason}`);
}

async function* partBytes(file: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* file;
  } catch (error) {
    asBrokenMultipart(error);
  }
}

/**
 * After the file's last record, still inside the import transaction, a second part makes
 * the whole upload a 400, so the rows already read are rolled back with it.
 */
async function* thenNoMoreParts(records: AsyncGenerator<unknown>, nextPart: () => Promise<IteratorResult<Part>>): AsyncGenerator<unknown> {
  yield* records;
  const next = await nextPart();
  if (next.done) return;
  if (next.value.type === 'file') next.value.file.resume();
  throw extraPart();
}
