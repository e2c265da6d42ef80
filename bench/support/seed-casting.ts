import pg from 'pg';

export interface CastingSeed {
  actors: number;
  bookedParts: number;
  /** Movies the booked parts are spread over, each with a shoot of 20–59 days in 2027–28. */
  movies: number;
  /** The rest of the catalog: movies without a shoot window (past releases). */
  catalogMovies: number;
}

/** The role every candidates request asks about, in a movie shooting June–August 2027. */
export interface TargetRole {
  id: number;
  /** Live auditions it already has (those actors are no candidates). */
  auditions: number;
}

/*
 * Deterministic, in SQL (generate_series), straight into the tables Marquee's migrations made:
 * ages 18–80 and three genders spread by multiplying the row number by primes; every booked part
 * is an accepted audition of a distinct actor (7,919 is coprime to any count of 10^n actors).
 */
const STATEMENTS: [string, (seed: CastingSeed) => number[]][] = [
  [
    `insert into actor (name, age, gender, created_at, updated_at)
   select 'Actor ' || i, 18 + (i::bigint * 7919) % 63, (array['female', 'male', 'non-binary'])[(1 + (i::bigint * 104729) % 3)::int], now(), now()
   from generate_series(1, $1::int) as i`,
    (seed) => [seed.actors],
  ],
  [
    `insert into movie (title, created_at, updated_at, shoot_start, shoot_end)
   select 'Bench movie ' || i, now(), now(), date '2027-01-01' + (i * 37) % 700, date '2027-01-01' + (i * 37) % 700 + 20 + i % 40
   from generate_series(1, $1::int) as i`,
    (seed) => [seed.movies],
  ],
  [
    `insert into movie (title, created_at, updated_at) select 'Catalog movie ' || i, now(), now() from generate_series(1, $1::int) as i`,
    (seed) => [seed.catalogMovies],
  ],
  [
    `insert into movie_role (movie_id, name, slots, state, created_at, updated_at)
     select 1 + i % $1::int, 'Part ' || i, 1, 'filled', now(), now() from generate_series(1, $2::int) as i`,
    (seed) => [seed.movies, seed.bookedParts],
  ],
  [
    `insert into audition (role_id, actor_id, state, created_at, updated_at)
     select i, 1 + (i::bigint * 7919) % $1::int, 'accepted', now(), now() from generate_series(1, $2::int) as i`,
    (seed) => [seed.actors, seed.bookedParts],
  ],
];

export async function seedCasting(databaseUrl: string, seed: CastingSeed): Promise<TargetRole> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const [statement, values] of STATEMENTS) await client.query(statement, values(seed));
    return await seedTarget(client, seed.actors);
  } finally {
    await client.end();
  }
}

async function seedTarget(client: pg.Client, actors: number): Promise<TargetRole> {
  const movie = await client.query<{ id: number }>(
    `insert into movie (title, created_at, updated_at, shoot_start, shoot_end)
     values ('Bench target', now(), now(), '2027-06-01', '2027-08-31') returning id`,
  );
  const role = await client.query<{ id: number }>(
    `insert into movie_role (movie_id, name, age_min, age_max, gender, slots, state, created_at, updated_at)
     values ($1, 'Lead', 25, 40, 'female', 2, 'open', now(), now()) returning id`,
    [movie.rows[0]!.id],
  );
  const id = role.rows[0]!.id;
  const invited = await client.query(
    `insert into audition (role_id, actor_id, state, created_at, updated_at)
     select $1, 1 + (i * 13) % $2::int, 'invited', now(), now() from generate_series(1, 300) as i`,
    [id, actors],
  );
  await client.query('analyze');
  return { id, auditions: invited.rowCount ?? 0 };
}
