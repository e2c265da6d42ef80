import pg from 'pg';
import { GENRES, WORDS } from './vocabulary.ts';

/**
 * A million movies in one statement: generate_series with PostgreSQL's own hash of the row
 * number picking the words, genres and scores, so every run seeds the same catalog (the
 * 100,000-movie seed in seed.ts sends rows from Node, about 100× slower at this size). The
 * movie indexes are dropped first and built again after the insert, which is several times
 * faster than maintaining ten of them row by row; their definitions come from pg_indexes, so
 * an index a later migration adds is rebuilt too. One title in 5,000 carries the rare word
 * "zanzibar", one in 100,000 is a "The Godfather …" (the typo query), one score in ten, one
 * release date in ten and one popularity in twenty are missing (nullable sort keys).
 */
const INSERT = `
  insert into movie (title, director, release_date, genres, popularity, imdb_score, created_at, updated_at)
  select
    case when i % 100000 = 7 then 'The Godfather Part ' || i
      else w[1 + h[1] % nw] || ' ' || w[1 + h[2] % nw] || ' ' || w[1 + h[3] % nw]
        || case when i % 5000 = 0 then ' zanzibar' else '' end || ' ' || i end,
    'Director ' || (i % 2000),
    case when h[4] % 10 = 0 then null else date '1920-01-01' + (h[4] % 37000)::int end,
    case when h[5] % ng = h[6] % ng then array[g[1 + h[5] % ng]] else array[g[1 + h[5] % ng], g[1 + h[6] % ng]] end,
    case when h[7] % 20 = 0 then null else (h[7] % 1001) / 10.0 end,
    case when h[8] % 10 = 0 then null else (h[8] % 101) / 10.0 end,
    timestamptz '2020-01-01 00:00:00+00' + i * interval '1 second',
    timestamptz '2020-01-01 00:00:00+00' + i * interval '1 second'
  from generate_series(0, $3::int - 1) as i,
    lateral (select array(select hashint4(i * 8 + k)::bigint & 2147483647 from generate_series(0, 7) as k) as h) as hashes,
    lateral (select $1::text[] as w, cardinality($1::text[]) as nw, $2::text[] as g, cardinality($2::text[]) as ng) as vocabulary`;

/** Inserts `count` generated movies into an empty, migrated database. */
export async function seedMoviesInSql(databaseUrl: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; definition: string }>(
      `select indexname as name, indexdef as definition from pg_indexes
       where tablename = 'movie' and indexname not in (select conname from pg_constraint where conrelid = 'movie'::regclass)`,
    );
    for (const index of rows) await client.query(`drop index "${index.name}"`);
    await client.query(INSERT, [WORDS, GENRES, count]);
    await client.query(`set maintenance_work_mem = '256MB'`);
    for (const index of rows) await client.query(index.definition);
    await client.query('vacuum analyze movie');
  } finally {
    await client.end();
  }
}

/** The movies a database holds, or null when it does not exist. */
export async function moviesIn(adminUrl: string, name: string): Promise<number | null> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) return null;
  } finally {
    await admin.end();
  }
  const client = new pg.Client({ connectionString: databaseUrlOf(adminUrl, name) });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from movie`).catch(() => ({ rows: [{ n: 0 }] }));
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

export function databaseUrlOf(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
