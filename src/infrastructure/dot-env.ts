import { existsSync } from 'node:fs';

/** Reads `.env` of the working directory when there is one; variables already set win. */
export function loadDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}
