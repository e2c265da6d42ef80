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
  // Node discards a body nobody reads once the answer is sent: start reading it now.
  request.raw.read(0);
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
