import type { FastifyReply, FastifyRequest } from 'fastify';

/** `Prefer: respond-async` (RFC 7240): the client wants the 202 as soon as the import exists. */
export function prefersAsync(request: FastifyRequest): boolean {
  const prefer = request.headers.prefer;
  return (Array.isArray(prefer) ? prefer : [prefer ?? '']).some((value) => /(^|[\s,])respond-async\s*(,|;|$)/i.test(value));
}

/**
 * The import goes on after the 202, still reading the upload from this request; its outcome
 * is the job's (GET /movies/import/:id). When it fails before the upload has all arrived, the
 * connection is cut so the client stops sending.
 */
export function continueInBackground(request: FastifyRequest, importing: Promise<unknown>): void {
  keepBodyForTheImport(request.raw);
  importing.catch((error: unknown) => {
    request.log.info({ err: error }, 'a respond-async import failed; its job says why');
    if (!request.raw.complete) request.raw.destroy();
  });
}

export function answerAccepted(reply: FastifyReply, job: unknown) {
  return reply
    .code(202)
    .header('preference-applied', 'respond-async')
    .send({ success: true as const, import: job });
}

/**
 * Once the answer is finished, Node throws away a request body it thinks nobody reads (http's
 * resOnFinish dumps it unless `_consuming`, which only the stream's own _read sets). The import
 * may not have asked for a byte yet (its transaction is still opening), and when the upload has
 * already filled the stream's buffer or arrived whole, no read reaches _read: the body would be
 * dumped and the import would see an empty file and "succeed" with 0 rows (seen on PostgreSQL
 * with a fast 100,000-row upload). So the body is marked as read by this request, which it is.
 */
function keepBodyForTheImport(body: FastifyRequest['raw']): void {
  (body as unknown as { _consuming: boolean })._consuming = true; // a Node seam, see above
}
