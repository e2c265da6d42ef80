import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';
import { DataDirLockedError, lockDataDir } from '../../src/infrastructure/data-dir-lock.ts';

const LOCK_MODULE = fileURLToPath(new URL('../../src/infrastructure/data-dir-lock.ts', import.meta.url));

function tempDataDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'marquee-lock-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'data');
}

/** The pid of a process that has exited (pids are not reused that fast). */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

const lockFile = (dataDir: string, holder: object) =>
  writeFileSync(join(dataDir, 'marquee.lock'), JSON.stringify({ command: 'main.ts', since: 'then', nonce: 'n1', ...holder }));

t.test('the first opener holds DATA_DIR (0700, lock 0600); a second opener is refused naming the holder', async (t) => {
  const dataDir = tempDataDir(t);
  const lock = lockDataDir(dataDir);
  t.equal(statSync(dataDir).mode & 0o777, 0o700, 'DATA_DIR is private');
  t.equal(statSync(join(dataDir, 'marquee.lock')).mode & 0o777, 0o600, 'the lock file is private');
  t.throws(() => lockDataDir(dataDir), new RegExp(`in use by process ${process.pid} `), 'the same process cannot open it twice');
  lock.release();
  t.notOk(existsSync(join(dataDir, 'marquee.lock')), 'release removes the lock');
  lockDataDir(dataDir).release();
});

t.test('a live holder in another process: one line with its pid, what it is and what to do', async (t) => {
  const dataDir = tempDataDir(t);
  lockDataDir(dataDir).release();
  lockFile(dataDir, { pid: process.ppid });
  const error = t.throws(() => lockDataDir(dataDir)) as DataDirLockedError;
  t.ok(error instanceof DataDirLockedError);
  t.equal(error.holderPid, process.ppid);
  t.match(error.message, `in use by process ${process.ppid} (the Marquee server, npm start, since then)`);
  t.match(error.message, /Stop that process first.*POST \/movies\/import.*DATABASE_URL/);
  t.notMatch(error.message, /\n/, 'one line');
});

t.test('a lock left by a dead process (SIGKILL), by this pid in an earlier life or garbled is replaced', async (t) => {
  const dataDir = tempDataDir(t);
  lockDataDir(dataDir).release();
  for (const stale of [{ pid: deadPid() }, { pid: process.pid }, { pid: 'x' }]) {
    lockFile(dataDir, stale);
    const lock = lockDataDir(dataDir);
    t.match(JSON.parse(readFileSync(join(dataDir, 'marquee.lock'), 'utf8')), { pid: process.pid }, `stale ${JSON.stringify(stale)}`);
    lock.release();
  }
});

t.test('eight processes racing for a DATA_DIR whose lock is stale: exactly one wins', async (t) => {
  const dataDir = tempDataDir(t);
  lockDataDir(dataDir).release();
  lockFile(dataDir, { pid: deadPid() });
  // Each contender tries once; a winner holds the lock until its stdin closes.
  const script = `import { lockDataDir } from ${JSON.stringify(LOCK_MODULE)};
    try { lockDataDir(${JSON.stringify(dataDir)}); console.log('won'); process.stdin.resume(); }
    catch (error) { console.log(error.name === 'DataDirLockedError' ? 'refused' : String(error)); }`;
  const contenders = Array.from({ length: 8 }, () => spawn(process.execPath, ['--input-type=module', '-e', script]));
  const exits = contenders.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  const answers = contenders.map((child) => {
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    // A loser exits at once; a winner prints and waits: either way the first line is the answer.
    return new Promise<string>((resolve) => {
      child.stdout.once('data', () => setImmediate(() => resolve(output.trim())));
      child.once('exit', () => resolve(output.trim()));
    });
  });
  const results = await Promise.all(answers);
  for (const child of contenders) child.stdin.end();
  await Promise.all(exits);
  t.same(
    results.filter((r) => r === 'won'),
    ['won'],
    results.join(', '),
  );
  t.equal(results.filter((r) => r === 'refused').length, 7);
  t.notOk(existsSync(join(dataDir, 'marquee.lock')), 'the winner released it on exit');
});
