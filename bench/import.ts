import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/infrastructure/database.ts';
import { copyWithPsql, httpImporter, importWithCli, resetTables, sql, type Timed } from './support/import-runs.ts';
import { writeMovieFiles, writeRepeatedMovie } from './support/movie-files.ts';
import { freshDatabase } from './support/seed.ts';

/*
 * `npm run bench:import`: BENCH_ROWS (1,000,000) generated movies imported into an empty,
 * fully indexed movie table through Marquee — the import CLI as a child process, start-up
 * included, and POST /movies/import to a running server (BENCH_HTTP=0 skips it), both with
 * their npm scripts' variables and Node flags (package.json) — and, in
 * the same rounds, loaded by psql's \copy (COPY FROM STDIN) into an empty table with the same
 * columns and indexes. BENCH_ROUNDS rounds (3) alternate which goes first. Prints rows/s, the
 * ratio to COPY and the importer's peak RSS; then a file repeating one movie BENCH_REPEAT_ROWS
 * (100,000) times against as many distinct rows, both through the CLI.
 */

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REPEAT_ROWS = Number(process.env.BENCH_REPEAT_ROWS ?? 100_000);
const HTTP = process.env.BENCH_HTTP !== '0';

const rate = (rows: number, run: Timed) => Math.round(rows / run.seconds);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (run: Timed) => (run.peakRssMb === undefined ? '' : `, peak RSS ${run.peakRssMb.toFixed(0)} MB`);

function show(label: string, rows: number, run: Timed, copy?: Timed): void {
  const ratio = copy ? `, ${(rate(rows, run) / rate(rows, copy)).toFixed(2)}× COPY` : '';
  console.log(
    `  ${label.padEnd(14)} ${run.seconds.toFixed(1).padStart(6)} s ${rate(rows, run).toLocaleString('en').padStart(8)} rows/s${ratio}${mb(run)}`,
  );
}

/** One round: COPY, the CLI and HTTP, in an order that moves by one each round; each into empty tables. */
async function round(url: string, file: string, copyFile: string, index: number, http?: Awaited<ReturnType<typeof httpImporter>>) {
  const runs: [string, () => Promise<Timed>][] = [
    ['COPY', () => copyWithPsql(url, copyFile)],
    ['CLI', () => importWithCli(url, file, ROWS)],
    ...(http ? [['HTTP', () => http.import(file)] as [string, () => Promise<Timed>]] : []),
  ];
  const results = new Map<string, Timed>();
  for (let i = 0; i < runs.length; i++) {
    const [label, measure] = runs[(i + index) % runs.length]!;
    await resetTables(url);
    results.set(label, await measure());
  }
  const copy = results.get('COPY')!;
  console.log(`round ${index + 1} (load average ${load()}):`);
  for (const [label, run] of results) show(label, ROWS, run, label === 'COPY' ? undefined : copy);
  return results;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'marquee-bench-import-'));
  const url = await freshDatabase(ADMIN_URL, `marquee_bench_import_${process.pid}`);
  try {
    const files = {
      ndjson: join(dir, 'movies.ndjson'),
      copy: join(dir, 'movies.copy'),
      repeated: join(dir, 'repeated.ndjson'),
      distinct: join(dir, 'distinct.ndjson'),
    };
    console.log(`generating ${ROWS.toLocaleString('en')} movies…`);
    await writeMovieFiles(ROWS, files.ndjson, files.copy);
    await writeMovieFiles(REPEAT_ROWS, files.distinct, join(dir, 'distinct.copy'));
    await writeRepeatedMovie(REPEAT_ROWS, files.repeated);
    console.log(`NDJSON ${((await stat(files.ndjson)).size / 1024 ** 2).toFixed(0)} MB; ${ROUNDS} rounds; load average ${load()}`);
    await (await openDatabase({ databaseUrl: url, dataDir: dir })).close(); // migrate before timing
    const http = HTTP ? await httpImporter(url, ROWS) : undefined;
    const rounds = [];
    try {
      for (let i = 0; i < ROUNDS; i++) rounds.push(await round(url, files.ndjson, files.copy, i, http));
    } finally {
      await http?.stop();
    }
    const report = rounds.at(-1)!.get('CLI')!.report;
    console.log('last CLI report:', JSON.stringify({ ...report, errors: undefined }));
    for (const label of HTTP ? ['CLI', 'HTTP'] : ['CLI']) {
      const ratios = rounds.map((r) => rate(ROWS, r.get(label)!) / rate(ROWS, r.get('COPY')!));
      const rss = Math.max(...rounds.map((r) => r.get(label)!.peakRssMb ?? NaN));
      console.log(
        `${label}/COPY median ${median(ratios).toFixed(2)} (rounds ${ratios.map((x) => x.toFixed(2)).join(', ')}), peak RSS ${rss.toFixed(0)} MB (targets ≥ 0.9, < 300 MB)`,
      );
    }
    await repeatedVersusDistinct(url, files.repeated, files.distinct);
  } finally {
    await sql(ADMIN_URL, `drop database if exists marquee_bench_import_${process.pid} with (force)`);
    await rm(dir, { recursive: true, force: true });
  }
}

/** The same number of rows naming one movie or distinct ones, through the CLI, alternating; target ≥ 0.5. */
async function repeatedVersusDistinct(url: string, repeated: string, distinct: string): Promise<void> {
  const ratios = [];
  for (let i = 0; i < 2; i++) {
    const pair = [];
    for (const file of i === 0 ? [repeated, distinct] : [distinct, repeated]) {
      await resetTables(url);
      pair.push({ file, run: await importWithCli(url, file, REPEAT_ROWS) });
    }
    const [r, d] = [pair.find((p) => p.file === repeated)!.run, pair.find((p) => p.file === distinct)!.run];
    console.log(`repeated-key file, ${REPEAT_ROWS.toLocaleString('en')} rows (load average ${load()}):`);
    show('one movie', REPEAT_ROWS, r);
    show('distinct', REPEAT_ROWS, d);
    ratios.push(rate(REPEAT_ROWS, r) / rate(REPEAT_ROWS, d));
  }
  console.log(`repeated/distinct rows/s: ${ratios.map((x) => x.toFixed(2)).join(', ')} (target ≥ 0.5)`);
}

await main();
