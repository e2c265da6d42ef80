import pg from 'pg';
import { GENRES, WORDS } from './vocabulary.ts';

/** A deterministic pseudo-random generator so every run seeds the same catalog. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Inserts `count` movies; one in 5,000 titles carries the rare word "zanzibar". */
export async function seedMovies(databaseUrl: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const random = generator(42);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const now = new Date();
  for (let start = 0; start < count; start += 1000) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      const words = [pick(WORDS), pick(WORDS), pick(WORDS)];
      if (i % 5000 === 0) words.push('zanzibar');
      const genres = [...new Set([pick(GENRES), pick(GENRES)])];
      rows.push([
        `${words.join(' ')} ${i}`,
        `Director ${i % 2000}`,
        genres,
        Math.round(random() * 1000) / 10,
        Math.round(random() * 100) / 10,
        now,
      ]);
    }
    const values = rows.map(
      (_, r) => `($${r * 6 + 1}, $${r * 6 + 2}, $${r * 6 + 3}, $${r * 6 + 4}, $${r * 6 + 5}, $${r * 6 + 6}, $${r * 6 + 6})`,
    );
    await client.query(
      `insert into movie (title, director, genres, popularity, imdb_score, created_at, updated_at) values ${values.join(',')}`,
      rows.flat(),
    );
  }
  await client.query('analyze movie');
  await client.end();
}

/** Creates (or re-creates) a database for the benchmark and returns its URL. */
export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
