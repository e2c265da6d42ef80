import { defineEntity, p } from '@mikro-orm/core';
import type { ImportRowError } from '../../../domain/import-report.ts';

/**
 * Bulk import jobs, declared once. The state lives in the database so every instance can show
 * an import's progress; `heartbeatAt` moves with each batch, so a job whose worker died can be
 * told from one still running. Counts and bytes read are columns (cheap progress updates); `errors` holds the
 * report's capped row errors and `failure` the code and message of a failed import.
 */
export const ImportJobEntity = defineEntity({
  name: 'ImportJob',
  tableName: 'import_job',
  properties: {
    id: p.integer().primary().autoincrement(),
    mode: p.enum(['atomic', 'partial'] as const).columnType('varchar(16)'),
    dryRun: p.boolean(),
    state: p
      .enum(['running', 'succeeded', 'failed'] as const)
      .columnType('varchar(16)')
      .default('running'),
    received: p.integer().default(0),
    inserted: p.integer().default(0),
    updated: p.integer().default(0),
    unchanged: p.integer().default(0),
    failed: p.integer().default(0),
    // Bytes of the upload: bigint, as IMPORT_MAX_BYTES has no upper bound.
    bytesRead: p.bigint('number').default(0),
    bytesTotal: p.bigint('number').nullable(),
    errors: p.json<ImportRowError[]>().defaultRaw("'[]'"),
    failure: p.json<{ code: string; message: string }>().nullable(),
    startedAt: p.datetime().columnType('timestamptz'),
    heartbeatAt: p.datetime().columnType('timestamptz'),
    finishedAt: p.datetime().columnType('timestamptz').nullable(),
  },
});
