import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/*
 * Child processes of a test (servers, npm, script(1)) run in their own process group, so one
 * signal reaches everything they started. Groups still alive when the test process ends are
 * killed by a watchdog: a shell in a group of its own, told each group's id through a pipe.
 * However the test process ends, the pipe closes and the watchdog kills what is left. Handlers
 * in the test process could not cover every end: SIGKILL (tap's last word on a timeout) runs
 * none, and on SIGTERM (a CI time limit) tap's signal handling ends the process without an
 * 'exit' event.
 */

const WATCHDOG = `
declare -A groups
while read -r line; do
  case "$line" in
    +*) groups[\${line#+}]=1 ;;
    -*) unset "groups[\${line#-}]" ;;
  esac
done
for group in "\${!groups[@]}"; do kill -KILL -- "-$group" 2>/dev/null; done
`;

let watchdog: ChildProcess | undefined;

function tellWatchdog(line: string): void {
  watchdog ??= startWatchdog();
  watchdog.stdin?.write(`${line}\n`);
}

function startWatchdog(): ChildProcess {
  const child = spawn('bash', ['-c', WATCHDOG], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  child.unref(); // neither it nor its pipe keeps the test process alive
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return child;
}

/** spawn() in a new process group that is killed, at the latest, when this process ends. */
export function spawnInGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  const pid = child.pid;
  if (pid === undefined) return child;
  tellWatchdog(`+${pid}`);
  child.once('exit', () => {
    killGroup(pid); // what the leader started and left behind
    tellWatchdog(`-${pid}`);
  });
  return child;
}

/** Sends `signal` to the child's whole process group; false if it is already gone. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): boolean {
  return child.pid !== undefined && killGroup(child.pid, signal);
}

function killGroup(pgid: number, signal: NodeJS.Signals = 'SIGKILL'): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}
