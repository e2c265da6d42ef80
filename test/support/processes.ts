import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/*
 * Child processes of a test (servers, npm, script(1)) run in their own process group, so one
 * signal reaches everything they started, and every group still alive is killed when the test
 * process ends: normally, on an uncaught error, or on tap's timeout (SIGALRM). A timed-out
 * e2e test thus leaves no server behind.
 */

const groups = new Set<number>();

/** spawn() in a new process group that is killed, at the latest, when this process ends. */
export function spawnInGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  const pid = child.pid;
  if (pid === undefined) return child;
  groups.add(pid);
  child.once('exit', () => groups.delete(pid));
  watchForExit();
  return child;
}

/** Sends `signal` to the child's whole process group; false if it is already gone. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false;
  }
}

function killAll(): void {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  groups.clear();
}

let watching = false;

function watchForExit(): void {
  if (watching) return;
  watching = true;
  process.once('exit', killAll);
  // tap's timeout raises SIGALRM. With a listener of ours, tap's own handler does not re-raise
  // it, so ours kills the groups, steps aside and raises it again for tap to finish the job.
  const onAlarm = () => {
    killAll();
    process.removeListener('SIGALRM', onAlarm);
    process.kill(process.pid, 'SIGALRM');
  };
  process.on('SIGALRM', onAlarm);
}
