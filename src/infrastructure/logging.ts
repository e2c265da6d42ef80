import { pino, type Logger } from 'pino';

/** The fields pino-pretty leaves out on a terminal: the same on every line of one process. */
const PRETTY_IGNORE = 'pid,hostname';

/**
 * Logger options of the server: pino JSON lines, one object per line, for log collectors and
 * process managers; readable coloured lines only when a person watches a terminal.
 */
export function loggerOptions(level: string, terminal = process.stdout.isTTY === true) {
  if (!terminal) return { level };
  const options = { translateTime: 'SYS:HH:MM:ss.l', ignore: PRETTY_IGNORE, colorize: true };
  return { level, transport: { target: 'pino-pretty', options } };
}

/**
 * The server's one logger, made before anything slow, so start-up can tell what it is doing
 * (opening the database, migrating) before Fastify exists; Fastify then logs through it too.
 */
export function createLogger(level: string): Logger {
  return pino(loggerOptions(level));
}
