import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPI3 } from 'openapi-typescript';
import { buildHttpApp } from '../../adapters/http/app.ts';
import { inMemoryRepositories } from '../../adapters/persistence/in-memory/index.ts';
import { buildUseCases } from '../container.ts';
import { generatedClientTypes } from './client-types.ts';
import { exampleProblems } from './openapi-example-rules.ts';
import { type CheckedDocument, operationIdProblems, tagProblems } from './openapi-rules.ts';

/*
 * `npm run openapi:check`: builds the app on in-memory repositories, reads the OpenAPI document
 * it serves at /docs/json, validates it against the OpenAPI 3.1 schema (swagger-parser also
 * resolves every $ref) and applies the rules generated clients need (openapi-rules.ts).
 * `--write-client <file>` then writes the TypeScript types openapi-typescript generates from it
 * (`npm run client:generate`); `--check-client <file>` fails when that file differs from what
 * would be generated now (`npm run client:check`, run by CI).
 */

async function servedDocument(): Promise<OpenAPI3> {
  const app = await buildHttpApp({
    useCases: buildUseCases(inMemoryRepositories()),
    logger: false,
    corsOrigins: [],
    isReady: async () => true,
  });
  try {
    const response = await app.inject({ method: 'GET', url: '/docs/json' });
    if (response.statusCode !== 200) throw new Error(`GET /docs/json answered ${response.statusCode}`);
    return response.json();
  } finally {
    await app.close();
  }
}

/** The first line where two texts differ (1-based), for a message a person can act on. */
function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  const index = left.findIndex((line, i) => line !== right[i]);
  return (index === -1 ? left.length : index) + 1;
}

async function checkClient(file: string, generated: string): Promise<boolean> {
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed === generated) return (console.log(`${file} is current`), true);
  console.error(`${file} differs from the served document (first at line ${firstDifferentLine(committed, generated)}):`);
  console.error('run `npm run client:generate` and commit the result');
  return false;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'write-client': { type: 'string' }, 'check-client': { type: 'string' } } });
  const document = await servedDocument();
  if (!String(document.openapi).startsWith('3.1.')) {
    console.error(`OpenAPI check failed: the document is version ${document.openapi}, not 3.1`);
    return 1;
  }
  // validate() dereferences in place; keep the served document intact for type generation.
  await SwaggerParser.validate(structuredClone(document) as never);
  const checked = document as CheckedDocument;
  const problems = [...operationIdProblems(checked), ...tagProblems(checked), ...exampleProblems(checked)];
  for (const problem of problems) console.error(`OpenAPI rule broken: ${problem}`);
  if (problems.length > 0) return 1;
  console.log(
    `OpenAPI ${document.openapi} document valid: ${Object.keys(document.paths ?? {}).length} paths, every operation named, tagged and with valid examples`,
  );
  const writeTo = values['write-client'];
  const checkAgainst = values['check-client'];
  if (writeTo) await writeFile(writeTo, await generatedClientTypes(document));
  if (writeTo) console.log(`Client types written to ${writeTo}`);
  if (checkAgainst && !(await checkClient(checkAgainst, await generatedClientTypes(document)))) return 1;
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`OpenAPI check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
