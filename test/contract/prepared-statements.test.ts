import pg from 'pg';
import t from 'tap';
import { preparingStatementsOn } from '../../src/adapters/persistence/mikro-orm/prepared-statements.ts';
import { needsPostgres, TEST_DATABASE_URL } from '../support/services.ts';

/** One connection held throughout, so the temporary table and the prepared statements share a session. */
async function onePreparingConnection(t: { teardown(fn: () => unknown): void }, capacity?: number): Promise<pg.PoolClient> {
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  preparingStatementsOn(pool, capacity);
  const client = await pool.connect();
  t.teardown(async () => {
    client.release();
    await pool.end();
  });
  return client;
}

const preparedNames = async (pool: pg.PoolClient) =>
  (await pool.query<{ name: string }>('select name from pg_prepared_statements order by name')).rows.map((row) => row.name);

t.test('a statement with parameters is prepared once per connection and reused', needsPostgres, async (t) => {
  const pool = await onePreparingConnection(t);
  for (let i = 1; i <= 3; i++) t.same((await pool.query('select $1::int + 1 as n', [i])).rows, [{ n: i + 1 }]);
  await pool.query('select $1::text as other', ['x']);
  t.equal((await preparedNames(pool)).length, 2, 'two distinct texts, two statements; none without parameters');
});

t.test('after a column is added, `select *` answers the new shape instead of failing', needsPostgres, async (t) => {
  const pool = await onePreparingConnection(t);
  await pool.query('create temporary table shape (id int primary key, a text)');
  await pool.query("insert into shape values (1, 'one')");
  const read = () => pool.query('select * from shape where id = $1', [1]);
  t.same((await read()).rows, [{ id: 1, a: 'one' }]);
  await pool.query("alter table shape add column b text not null default 'new'");
  t.same((await read()).rows, [{ id: 1, a: 'one', b: 'new' }], 'prepared again outside a transaction');
  t.equal((await preparedNames(pool)).length, 2, 'as a named statement (the old one stays until the connection ends)');
});

t.test('inside a transaction the stale statement fails that transaction only; the next one works', needsPostgres, async (t) => {
  const pool = await onePreparingConnection(t);
  await pool.query('create temporary table shape (id int primary key, a text)');
  await pool.query("insert into shape values (1, 'one')");
  const read = () => pool.query('select * from shape where id = $1', [1]);
  await read();
  await pool.query('alter table shape add column b int not null default 2');
  await pool.query('begin');
  await t.rejects(read(), { code: '0A000' }, 'PostgreSQL aborted the transaction on the old plan');
  await pool.query('rollback');
  await pool.query('begin');
  t.same((await read()).rows, [{ id: 1, a: 'one', b: 2 }]);
  await pool.query('commit');
});

t.test('the per-connection cache is bounded: the least recently used statements are deallocated', needsPostgres, async (t) => {
  const pool = await onePreparingConnection(t, 4);
  const hot = () => pool.query('select $1::int as hot', [0]);
  for (let i = 0; i < 12; i++) {
    await hot();
    await pool.query(`select $1::int + ${i} as cold`, [i]);
  }
  const names = await preparedNames(pool);
  t.ok(names.length <= 4, `at most 4 prepared (${names.length})`);
  t.same((await hot()).rows, [{ hot: 0 }], 'the hot statement still answers');
  t.same((await pool.query('select $1::int + 0 as cold', [5])).rows, [{ cold: 5 }], 'an evicted one is prepared again');
});
