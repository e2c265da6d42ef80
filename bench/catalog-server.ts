/**
 * Marquee's catalog as issue 2 defined it, for bench/catalog.ts: the real database adapter,
 * use cases and HTTP adapter, composed without the bearer check so the comparison
 * with bench/bare-server.ts is like for like. bench/auth.ts measures the authenticated path.
 */
import { buildHttpApp } from '../src/adapters/http/app.ts';
import { buildUseCases } from '../src/infrastructure/container.ts';
import { openDatabase } from '../src/infrastructure/database.ts';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: './data' });
const app = await buildHttpApp({
  useCases: buildUseCases(database.repositories),
  logger: false,
  corsOrigins: [],
  isReady: () => database.ping(),
});
await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0)),
);
