import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** Where `npm run typecheck` (through openapi:check --types) writes the client's types. */
export const TYPES_FILE = fileURLToPath(new URL('./generated/marquee-api.ts', import.meta.url));

/** The same generation openapi:check performs, to compare with the served document. */
export async function generateTypes(document: OpenAPI3): Promise<string> {
  return astToString(await openapiTS(document));
}
