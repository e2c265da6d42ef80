import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import t from 'tap';
import { describeDatabase, isNewPgliteDir, migrationsLine } from '../../src/infrastructure/startup-steps.ts';

t.test('the start-up line names the database a person would recognise, never a password', async (t) => {
  t.equal(describeDatabase(undefined, 'data'), `PGlite in ${resolve('data')}`, 'PGlite: the absolute DATA_DIR');
  const described = describeDatabase('postgres://ann:s3cret%21@db.example:6543/marquee?sslmode=require&password=other', 'data');
  t.equal(described, 'PostgreSQL ann@db.example:6543/marquee', 'user, host, port and database');
  t.notMatch(described, /s3cret|other/, 'no password, from the URL or its parameters');
  t.equal(describeDatabase('not a url', 'data'), 'PostgreSQL (DATABASE_URL)', 'an unparsable URL is not echoed either');
});

t.test('a DATA_DIR without a cluster is new (opening it runs initdb)', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'marquee-steps-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  t.ok(isNewPgliteDir(dataDir), 'empty directory');
  t.ok(isNewPgliteDir(join(dataDir, 'missing')), 'missing directory');
  writeFileSync(join(dataDir, 'PG_VERSION'), '17\n');
  t.notOk(isNewPgliteDir(dataDir), 'a cluster is there');
});

t.test('the migrations line says how many were applied, or that none were pending', async (t) => {
  t.match(
    migrationsLine(['Migration1', 'Migration2'], performance.now()),
    /^Migrations applied: 2 \(Migration1, Migration2\) in \d+\.\d\d s$/,
  );
  t.match(migrationsLine([], performance.now()), /^Migrations: none pending \(checked in \d+\.\d\d s\)$/);
});
