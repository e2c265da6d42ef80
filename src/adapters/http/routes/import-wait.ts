import { setTimeout as sleep } from 'node:timers/promises';
import type { GetImportJob } from '../../../application/imports/get-import-job.ts';
import type { ImportJob } from '../../../domain/import-job.ts';

/** How often a waiting GET /movies/import/:id reads the job again (from the database, so any instance's import shows). */
const POLL_MS = 250;

/**
 * The job once it is no longer running (succeeded or failed: the only change of state), or as it
 * is when `waitSeconds` are up or the client has gone (`signal`). A finished job is answered at once.
 */
export async function jobAfterWait(
  getImportJob: GetImportJob,
  input: { id: number; waitSeconds: number },
  signal: AbortSignal,
): Promise<ImportJob> {
  const deadline = Date.now() + input.waitSeconds * 1000;
  let job = await getImportJob.execute({ id: input.id });
  while (job.state === 'running' && Date.now() < deadline && !signal.aborted) {
    await sleep(Math.min(POLL_MS, deadline - Date.now()), undefined, { signal }).catch(() => undefined);
    job = await getImportJob.execute({ id: input.id });
  }
  return job;
}
