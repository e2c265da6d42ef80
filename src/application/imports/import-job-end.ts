import { DomainError } from '../../domain/errors.ts';
import type { ImportReport } from '../../domain/import-report.ts';
import type { ImportJobEnd } from '../ports/import-job-repository.ts';
import type { UploadMeter } from '../ports/import-source.ts';

/** How an import ended, as its job stores it: state, report, bytes read and, if it failed, why. */
export function importJobEnd(report: ImportReport, upload: UploadMeter | undefined, error: unknown, finishedAt: Date): ImportJobEnd {
  const bytesRead = upload?.bytesRead() ?? 0;
  if (error === null) return { state: 'succeeded', report, bytesRead, failure: null, finishedAt };
  return { state: 'failed', report, bytesRead, failure: describe(error), finishedAt };
}

function describe(error: unknown): { code: string; message: string } {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  return { code: 'IMPORT_FAILED', message: 'the import failed; nothing was stored' };
}
