import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Starts a TypeScript entry point on this Node (24), Node's `flags` first, and waits until `readyUrl` answers. */
export async function startServer(
  entry: string,
  env: Record<string, string>,
  readyUrl: string,
  flags: string[] = [],
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...flags, entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
    const ok = await fetch(readyUrl).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`${entry} did not become ready at ${readyUrl}`);
}

export async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
}

/**
 * An npm script's own command line (`start` by default), read from package.json so a benchmark
 * runs the server or the CLI as users do: the variables set in front (`${NAME:-default}`
 * expanded as sh would) and Node's flags.
 */
export function npmStart(name = 'start'): { env: Record<string, string>; flags: string[] } {
  const { scripts } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const match = /^((?:\w+=\S+ )*)(?:exec )?node ((?:--\S+ )*)\S+$/.exec(scripts[name] ?? '');
  if (!match) throw new Error(`npm run ${name} is not "[VAR=value …] [exec] node [--flag …] <entry>": ${scripts[name]}`);
  const expand = (value: string) =>
    value.replace(/\$\{(\w+):-([^}]*)\}/g, (_, variable: string, fallback: string) => process.env[variable] || fallback);
  const pairs = match[1]!.split(' ').filter(Boolean);
  const env = Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), expand(pair.slice(pair.indexOf('=') + 1))]));
  return { env, flags: match[2]!.split(' ').filter(Boolean) };
}
