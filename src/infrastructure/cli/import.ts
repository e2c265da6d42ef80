import '../compile-cache.ts'; // first: the modules after it load from the compile cache
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError } from '../../domain/errors.ts';
import { ImportRejectedError } from '../../domain/import-errors.ts';
import type { ImportMode } from '../../domain/import-job.ts';
import { loadConfig, type Config } from '../config.ts';
import { DataDirLockedError, refuseIfHeld } from '../data-dir-lock.ts';
import { toStderr } from '../startup-steps.ts';
import { ImportProgress } from './import-progress.ts';
import { loadDotEnv } from '../dot-env.ts';

/*
 * `npm run import -- <file> [--mode atomic|partial] [--dry-run]`: imports a JSON, NDJSON or
 * CSV file (told apart by its extension) into DATABASE_URL, or PGlite in DATA_DIR, through
 * the same use case as POST /movies/import. Prints the report as JSON on stdout; exits 1 when
 * the import failed (rejected rows in atomic mode, a bad file, the database), 2 on bad usage.
 */

const USAGE = 'usage: npm run import -- <file> [--mode atomic|partial] [--dry-run]';

interface Arguments {
  file: string;
  mode: ImportMode;
  dryRun: boolean;
}

function parseArguments(): Arguments {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { mode: { type: 'string', default: 'atomic' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0 || (values.mode !== 'atomic' && values.mode !== 'partial')) throw new UsageError(USAGE);
  // npm runs scripts in the package root; a relative path means the caller's directory.
  return { file: resolve(process.env.INIT_CWD ?? '.', file), mode: values.mode, dryRun: values['dry-run'] };
}

class UsageError extends Error {}

/** The database code loads only after the cheap checks, so a held DATA_DIR is refused at once. */
async function loadImporter() {
  const [imports, root, database] = await Promise.all([
    import('../../adapters/imports/index.ts'),
    import('../container.ts'),
    import('../database.ts'),
  ]);
  return { ...imports, ...root, ...database };
}

async function runImport(args: Arguments, config: Config): Promise<number> {
  if (!config.databaseUrl) refuseIfHeld(config.dataDir);
  const { ByteMeter, detectFormat, movieRecords, parseImport, buildUseCases, openDatabase } = await loadImporter();
  const format = detectFormat({ fileName: args.file });
  const { size } = await stat(args.file);
  const progress = new ImportProgress(size);
  const meter = new ByteMeter(size); // the job's progress, as GET /movies/import/:id shows it
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: toStderr });
  try {
    const { runImport } = buildUseCases(database.repositories); // the server's wiring
    const source = meter.counting(progress.bytesOf(createReadStream(args.file, { highWaterMark: 256 * 1024 })));
    const parsed = parseImport(source, { format, maxBytes: config.importMaxBytes, maxRows: config.importMaxRows });
    const records = movieRecords(progress.rowsOf(parsed));
    const { jobId, report } = await runImport
      .execute({ records, mode: args.mode, dryRun: args.dryRun, upload: meter })
      .finally(() => progress.done());
    console.log(JSON.stringify({ id: jobId, state: 'succeeded', mode: args.mode, dry_run: args.dryRun, ...report }, null, 2));
    return 0;
  } finally {
    await database.close();
  }
}

function explain(error: unknown): number {
  if (error instanceof UsageError) return fail(error.message, 2);
  if (error instanceof DataDirLockedError) return fail(error.message, 1);
  if (error instanceof ImportRejectedError) {
    console.log(JSON.stringify({ state: 'failed', code: error.code, ...error.report }, null, 2));
    return fail(`import rejected: ${error.message}`, 1);
  }
  if (error instanceof DomainError) return fail(`import failed (${error.code}): ${error.message}`, 1);
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT')
    return fail(`no such file: ${(error as { path?: string }).path}`, 1);
  return fail(`import failed: ${error instanceof Error ? error.message : String(error)}`, 1);
}

function fail(message: string, code: number): number {
  console.error(message);
  return code;
}

loadDotEnv();
process.exitCode = await Promise.resolve()
  .then(() => runImport(parseArguments(), loadConfig()))
  .catch(explain);
