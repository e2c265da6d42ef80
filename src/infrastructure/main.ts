import './compile-cache.ts'; // first: the modules after it load from the compile cache
import { flushCompileCache } from 'node:module';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { refuseIfHeld } from './data-dir-lock.ts';
import { loadDotEnv } from './dot-env.ts';
import { createLogger } from './logging.ts';
import type { RunningServer } from './server.ts';

/*
 * `npm start`. Reads .env when present (variables already in the environment win), validates
 * the configuration, starts the server and shuts it down cleanly on SIGTERM/SIGINT. The
 * server's code is loaded only after the cheap checks, so a bad variable or a DATA_DIR held by
 * another process is reported at once.
 */

function configOrExit(): Config {
  loadDotEnv();
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

function exitOnSignals(server: RunningServer, shutdownTimeoutMs: number): void {
  const stop = (signal: string) => {
    server.app.log.info(`${signal} received: finishing in-flight requests`);
    // Requests that never end must not keep the process alive forever.
    setTimeout(() => {
      server.app.log.error(`still busy after ${shutdownTimeoutMs} ms; exiting anyway`);
      process.exit(1);
    }, shutdownTimeoutMs).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const config = configOrExit();
try {
  if (!config.databaseUrl) refuseIfHeld(config.dataDir);
  const log = createLogger(config.logLevel);
  log.info(`Marquee starting (Node ${process.version}, pid ${process.pid}): loading the server code`);
  const { startServer } = await import('./server.ts');
  exitOnSignals(await startServer(config, log), config.shutdownTimeoutMs);
  // Written now, not only at a clean exit: a start without the cache loads Node's TypeScript
  // stripper (its WebAssembly and source), which then holds ~22 MB of RSS for the process's life.
  flushCompileCache();
} catch (error) {
  console.error('Marquee could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
}
