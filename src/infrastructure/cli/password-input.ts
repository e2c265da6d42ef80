import { text } from 'node:stream/consumers';

/** The password from MARQUEE_PASSWORD or the first line of stdin — never from the command line, where `ps` and shell history see it. */
export async function readPassword(usage: string): Promise<string> {
  const fromEnv = process.env.MARQUEE_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('password (then Enter and Ctrl-D): ');
  const line = (await text(process.stdin)).split(/\r?\n/, 1)[0] ?? '';
  if (!line) throw new Error(`no password given\n${usage}`);
  return line;
}
