/**
 * Marquee exactly as src/infrastructure/server.ts composes it, except that the login rate limit
 * (20 per client and 10 per username per minute, not configurable by environment) is raised so
 * that a benchmark from one address can measure logins/s. Bench use only.
 */
import { buildHttpApp } from '../../src/adapters/http/app.ts';
import { bearerAuthorize } from '../../src/adapters/http/authorize.ts';
import { loadConfig } from '../../src/infrastructure/config.ts';
import { buildUseCases } from '../../src/infrastructure/container.ts';
import { openDatabase } from '../../src/infrastructure/database.ts';
import { identityFromConfig } from '../../src/infrastructure/identity.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: config.migrateOnStart });
const useCases = buildUseCases(database.repositories, identityFromConfig(config, database.repositories));
const app = await buildHttpApp({
  useCases,
  logger: { level: config.logLevel },
  corsOrigins: [],
  isReady: () => database.ping(),
  authorize: bearerAuthorize(useCases),
  rateLimit: { perClient: 1e9, perUsername: 1e9 },
});
if (config.admin) await useCases.ensureAdmin.execute(config.admin);
await app.listen({ host: config.host, port: config.port });
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0)),
);
