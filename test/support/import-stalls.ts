/*
 * Run as its own process by test/http/import-freeze.test.ts: tap's async-hook domains make
 * every promise cost more and, as the promises of a long import are collected, stall the
 * loop for 100+ ms on their own, which would be measured as the import's. Prints one JSON
 * line per hostile file: its status, the start of its answer, and the longest stall.
 */
import { freezingFiles } from './hostile/imports.ts';
import { buildTestApp } from './http.ts';
import { longestStall } from './loop-stall.ts';

const { app } = await buildTestApp();
await app.ready(); // compiling the routes' schemas is start-up work, not the import's
for (const file of freezingFiles(Number(process.argv[2] ?? 0.2))) {
  const { result, stallMs } = await longestStall(() =>
    app.inject({ method: 'POST', url: '/movies/import?dry_run=true', headers: { 'content-type': file.contentType }, payload: file.body }),
  );
  console.log(JSON.stringify({ label: file.label, status: result.statusCode, answer: result.body.slice(0, 120), stallMs }));
}
await app.close();
