import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildHttpApp } from '../../adapters/http/app.ts';
import { inMemoryRepositories } from '../../adapters/persistence/in-memory/index.ts';
import { buildUseCases } from '../container.ts';

/*
 * `npm run openapi:check [-- --types <file>]`: builds the app on in-memory repositories,
 * reads the OpenAPI document it serves at /docs/json and validates it against the OpenAPI
 * 3.1 schema (swagger-parser also resolves every $ref). With --types it also writes the
 * TypeScript paths that openapi-typescript generates from it, for typed clients.
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

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { types: { type: 'string' } } });
  const document = await servedDocument();
  if (!String(document.openapi).startsWith('3.1.')) {
    console.error(`OpenAPI check failed: the document is version ${document.openapi}, not 3.1`);
    return 1;
  }
  // validate() dereferences in place; keep the served document intact for type generation.
  await SwaggerParser.validate(structuredClone(document) as never);
  console.log(`OpenAPI ${document.openapi} document valid: ${Object.keys(document.paths ?? {}).length} paths`);
  if (values.types) {
    await mkdir(dirname(values.types), { recursive: true });
    await writeFile(values.types, astToString(await openapiTS(document)));
    console.log(`Types written to ${values.types}`);
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`OpenAPI check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
