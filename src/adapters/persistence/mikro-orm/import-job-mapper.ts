import type { Selectable } from 'kysely';
import type { ImportJob } from '../../../domain/import-job.ts';
import { instantFromText, type MarqueeDatabase } from './kysely-database.ts';

/** An import_job row as the driver returns it; its type is inferred from ImportJobEntity. */
export type ImportJobRow = Selectable<MarqueeDatabase['import_job']>;

/** The one place where a stored import job becomes the domain's. */
export const importJobMapper = {
  toDomain(row: ImportJobRow): ImportJob {
    const { received, inserted, updated, unchanged, failed, errors } = row;
    return {
      id: row.id,
      mode: row.mode,
      dryRun: row.dry_run,
      state: row.state,
      report: { received, inserted, updated, unchanged, failed, errors },
      // bigint columns: the driver sends int8 as text, whatever the inferred type says
      bytesRead: Number(row.bytes_read),
      bytesTotal: row.bytes_total === null ? null : Number(row.bytes_total),
      failure: row.failure,
      startedAt: instantFromText(row.started_at),
      heartbeatAt: instantFromText(row.heartbeat_at),
      finishedAt: row.finished_at === null ? null : instantFromText(row.finished_at),
    };
  },
};
