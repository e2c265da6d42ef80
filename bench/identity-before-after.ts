/**
 * Accounts and sessions before/after (issue 11), in one process: the UserRepository and
 * SessionRepository of BEFORE_DIR (a checkout of the baseline) and of this tree, each opened
 * by its own tree's openDatabase on one PostgreSQL database, called one at a time, the trees
 * alternating every round so a busy machine weighs on both alike. Reported per call: the
 * process's CPU time (user + system: what the repository costs this process, the database's
 * work excluded) and wall time, medians of the rounds. What the auth routes call:
 * login (findByUsername, create), every authenticated request (findActiveAccess), GET /auth/me
 * (findById), refresh (findRefreshToken + spend + addRefreshToken).
 *
 *   BEFORE_DIR=bench/results/before node bench/identity-before-after.ts   (BENCH_CALLS=2000 BENCH_ROUNDS=5)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RefreshTokenRecord, Session } from '../src/domain/session.ts';
import { User } from '../src/domain/user.ts';
import type { Database, DatabaseOptions } from '../src/infrastructure/database.ts';
import { benchDatabase } from './support/marquee.ts';

const BEFORE_DIR = process.env.BEFORE_DIR;
if (!BEFORE_DIR) throw new Error('BEFORE_DIR: the directory of the baseline checkout');
const CALLS = Number(process.env.BENCH_CALLS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const HOUR = 3_600_000;

type Repositories = Pick<Database['repositories'], 'users' | 'sessions'>;
type Operation = (repositories: Repositories, userId: number) => Promise<unknown>;

const tokenFor = (sessionId: string): RefreshTokenRecord => ({
  tokenHash: randomBytes(32).toString('hex'),
  sessionId,
  createdAt: new Date(),
  expiresAt: new Date(Date.now() + HOUR),
  spentAt: null,
});
const sessionFor = (userId: number): Session => ({
  id: randomUUID(),
  userId,
  createdAt: new Date(),
  expiresAt: new Date(Date.now() + HOUR),
  revokedAt: null,
});

/** Each operation keeps what it needs between calls (the session to check, the token to rotate). */
function operations(): [string, Operation][] {
  let session: Session | undefined;
  let token: RefreshTokenRecord | undefined;
  return [
    ['findByUsername (login)', ({ users }) => users.findByUsername('bench-identity')],
    [
      'create session (login)',
      ({ sessions }, userId) => {
        session = sessionFor(userId);
        token = tokenFor(session.id);
        return sessions.create(session, token);
      },
    ],
    ['findActiveAccess (every request)', ({ sessions }) => sessions.findActiveAccess(session!.id)],
    ['findById (GET /auth/me)', ({ users }, userId) => users.findById(userId)],
    [
      'refresh: find + spend + add',
      async ({ sessions }) => {
        await sessions.findRefreshToken(token!.tokenHash);
        await sessions.spend(token!.tokenHash, new Date());
        token = tokenFor(session!.id);
        await sessions.addRefreshToken(token);
      },
    ],
  ];
}

async function openTree(dir: string, databaseUrl: string): Promise<Database> {
  const entry = pathToFileURL(join(resolve(dir), 'src/infrastructure/database.ts')).href;
  const { openDatabase } = (await import(entry)) as { openDatabase(options: DatabaseOptions): Promise<Database> };
  return openDatabase({ databaseUrl, dataDir: tmpdir() });
}

/** CPU and wall microseconds per call of `operation`, after a warm-up. */
async function time(operation: Operation, repositories: Repositories, userId: number): Promise<{ cpu: number; wall: number }> {
  for (let i = 0; i < 200; i++) await operation(repositories, userId);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) await operation(repositories, userId);
  const cpu = process.cpuUsage(cpuBefore);
  return { cpu: (cpu.user + cpu.system) / CALLS, wall: ((performance.now() - started) * 1000) / CALLS };
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

const databaseUrl = await benchDatabase('marquee_bench_identity');
const trees = [await openTree(BEFORE_DIR, databaseUrl), await openTree('.', databaseUrl)];
const user = User.create({ name: 'Bench', username: 'bench-identity', passwordHash: '$argon2id$bench', role: 'admin' }, new Date());
const userId = (await trees[1]!.repositories.users.insert(user)).id;
const names = operations().map(([name]) => name);
const results = trees.map(() => names.map(() => ({ cpu: [] as number[], wall: [] as number[] })));
for (let round = 1; round <= ROUNDS; round++) {
  for (const [t, tree] of trees.entries()) {
    for (const [o, [, operation]] of operations().entries()) {
      const { cpu, wall } = await time(operation, tree.repositories, userId);
      results[t]![o]!.cpu.push(cpu);
      results[t]![o]!.wall.push(wall);
    }
  }
  console.log(`round ${round} done`);
}
await Promise.all(trees.map((tree) => tree.close()));

console.log(`\n${CALLS} calls per operation, ${ROUNDS} alternating rounds, one process, medians\n`);
console.log('| call | before CPU µs | after CPU µs | CPU after/before | before wall µs | after wall µs | wall after/before |');
console.log('|---|---|---|---|---|---|---|');
names.forEach((name, o) => {
  const [cpu, wall] = (['cpu', 'wall'] as const).map((k) => results.map((tree) => median(tree[o]![k])));
  console.log(
    `| ${name} | ${cpu![0]!.toFixed(0)} | ${cpu![1]!.toFixed(0)} | ${(cpu![1]! / cpu![0]!).toFixed(2)} | ` +
      `${wall![0]!.toFixed(0)} | ${wall![1]!.toFixed(0)} | ${(wall![1]! / wall![0]!).toFixed(2)} |`,
  );
});
