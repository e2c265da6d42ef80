import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import t from 'tap';

/*
 * What a test spawns through spawnInGroup (servers, npm, script(1)) does not outlive the test
 * process, however that process ends: normally, by SIGTERM (a CI time limit), by SIGKILL
 * (tap's last word on a timeout). Here a stand-in test process starts a group holding a
 * long sleep, prints its id, and is ended one of those ways.
 */

const PROCESSES = new URL('../support/processes.ts', import.meta.url).href;

/** A process that starts `sleep 300` in a group of its own, prints the group id and then idles or exits. */
function standIn(then: 'idle' | 'exit', command = 'sleep 300') {
  const script = `import { spawnInGroup } from ${JSON.stringify(PROCESSES)};
    const child = spawnInGroup('bash', ['-c', ${JSON.stringify(command)}], { stdio: 'ignore' });
    console.log(child.pid);
    ${then === 'exit' ? 'setTimeout(() => process.exit(0), 100);' : 'setInterval(() => {}, 1000);'}`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const group = new Promise<number>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(Number(String(data).trim()))));
  return { child, group, exited };
}

/** Whether any live (not zombie) process is in the group, read from /proc. */
function groupAlive(pgid: number): boolean {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .some((pid) => {
      try {
        const [state, , group] = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return Number(group) === pgid && state !== 'Z';
      } catch {
        return false; // it ended while we looked
      }
    });
}

async function goneWithin(pgid: number, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline;) {
    if (!groupAlive(pgid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return !groupAlive(pgid);
}

for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
  t.test(`a test process ended by ${signal} leaves no group behind`, async (t) => {
    const { child, group, exited } = standIn('idle');
    const pgid = await group;
    t.ok(groupAlive(pgid), 'the group runs while the test process does');
    child.kill(signal);
    await exited;
    t.ok(await goneWithin(pgid, 5_000), 'and is killed once it ends');
  });
}

t.test('a test process that exits normally leaves no group behind', async (t) => {
  const { group, exited } = standIn('exit');
  const pgid = await group;
  await exited;
  t.ok(await goneWithin(pgid, 5_000), 'the group is killed');
});

t.test("what a group's leader started is killed when the leader exits", async (t) => {
  const { child, group, exited } = standIn('idle', 'sleep 300 & echo $! > /dev/null; exit 0');
  const pgid = await group;
  t.ok(await goneWithin(pgid, 5_000), 'the leftover sleep is killed with its group');
  child.kill('SIGKILL');
  await exited;
});
