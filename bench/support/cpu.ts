import pg from 'pg';
import { readFileSync } from 'node:fs';

/** CPU time (user + system) a process has used, in ms: fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU time (ms) used so far by each PostgreSQL backend connected to `database` (this machine's
 * server), by pid: the database's share of a request, which the server process's CPU leaves out.
 */
export async function backendsCpuMs(adminUrl: string, database: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const sql = 'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()';
    const { rows } = await client.query<{ pid: number }>(sql, [database]);
    return new Map(rows.flatMap(({ pid }) => cpuIfAlive(pid)));
  } finally {
    await client.end();
  }
}

/** CPU between two readings of backendsCpuMs: backends that ended meanwhile (idle ones closed by a pool) are left out. */
export function backendsCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

function cpuIfAlive(pid: number): [number, number][] {
  try {
    return [[pid, cpuMs(pid)]];
  } catch {
    return []; // ended meanwhile
  }
}
