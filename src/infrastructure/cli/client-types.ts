import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** The committed types of the TypeScript client (clients/typescript), generated from the served document. */
export const CLIENT_TYPES_FILE = fileURLToPath(new URL('../../../clients/typescript/marquee-api.ts', import.meta.url));

const GENERATED_HEADER = `// Generated from the OpenAPI document Marquee serves at /docs/json by \`npm run client:generate\`
// (openapi-typescript). Do not edit: CI fails when this file differs from a fresh generation.\n\n`;

/** The client's types file exactly as `npm run client:generate` writes it. */
export async function generatedClientTypes(document: OpenAPI3): Promise<string> {
  return GENERATED_HEADER + astToString(await openapiTS(document));
}
