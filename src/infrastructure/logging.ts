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
