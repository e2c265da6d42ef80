import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * The functions with the most self time in a --cpu-prof profile, as "share function file:line"
 * lines, over the samples of the last `windowMs` before the final `tailMs` (the measured load,
 * not the start-up's module loading and schema compiling, nor the shutdown).
 */
export function profileTop(path: string, windowMs: number, tailMs = 500, count = 15): string[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const hits = new Map<string, number>();
  let total = 0;
  for (const id of samplesWithin(profile, windowMs, tailMs)) {
    const frame = frames.get(id)!;
    if (frame.functionName === '(idle)') continue; // waiting, not working
    const where = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    hits.set(key, (hits.get(key) ?? 0) + 1);
    total++;
  }
  return [...hits]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, n]) => `${((100 * n) / total).toFixed(1).padStart(5)} %  ${key}`);
}

function samplesWithin({ samples, timeDeltas }: Profile, windowMs: number, tailMs: number): number[] {
  const times: number[] = [];
  let t = 0;
  for (const delta of timeDeltas) times.push((t += delta));
  const end = t - tailMs * 1000;
  return samples.filter((_, i) => times[i]! <= end && times[i]! > end - windowMs * 1000);
}

/** node_modules/pg/lib/client.js rather than file:///work/…/node_modules/pg/lib/client.js */
function shortUrl(url: string): string {
  const inModules = url.lastIndexOf('node_modules/');
  if (inModules >= 0) return url.slice(inModules + 'node_modules/'.length);
  const inSource = url.indexOf('/src/');
  return inSource >= 0 ? url.slice(inSource + 1) : basename(url);
}

/** The newest .cpuprofile in `dir` (node writes one per process, named by time and pid). */
export function newestProfile(dir: string): string {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.cpuprofile'))
    .sort();
  if (files.length === 0) throw new Error(`no .cpuprofile in ${dir}`);
  return join(dir, files.at(-1)!);
}
