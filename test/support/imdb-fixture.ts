/*
 * An IMDb-shaped data set the project makes itself, so a bare clone needs no file from outside
 * the repository. It has the shape and the quirks of the catalog API's imdb.json: keys `name`,
 * `director`, `genre`, `imdb_score` and `99popularity`; every genre after the first carries a
 * leading space; two titles (Batman, The Wizard of Oz) appear twice with different directors.
 * Deterministic: the same 248 records every run, over exactly 28 distinct genres.
 */

export interface ImdbRecord {
  '99popularity': number;
  director: string;
  genre: string[];
  imdb_score: number;
  name: string;
}

export const IMDB_RECORDS = 248;
export const IMDB_GENRES = 28;

const GENRES = [
  'Action',
  'Adventure',
  'Animation',
  'Biography',
  'Comedy',
  'Crime',
  'Documentary',
  'Drama',
  'Family',
  'Fantasy',
  'Film-Noir',
  'History',
  'Horror',
  'Music',
  'Musical',
  'Mystery',
  'Romance',
  'Sci-Fi',
  'Short',
  'Sport',
  'Thriller',
  'War',
  'Western',
  'Adult',
  'Game-Show',
  'News',
  'Reality-TV',
  'Talk-Show',
] as const;

const DIRECTORS = [
  'Victor Fleming',
  'George Lucas',
  'Giovanni Pastrone',
  'Alfred Hitchcock',
  'Akira Kurosawa',
  'Billy Wilder',
  'Fritz Lang',
];
const WORDS = ['Night', 'River', 'Stranger', 'Empire', 'Garden', 'Shadow', 'Harbor', 'Letter', 'Storm', 'Circus', 'Mirror'];

/** The quirk: the first genre as is, the others after ", " split badly, i.e. with a leading space. */
const genreList = (names: string[]) => names.map((name, index) => (index === 0 ? name : ` ${name}`));

function generated(index: number): ImdbRecord {
  const score = 10 + ((index * 37) % 81); // 1.0 … 9.0
  const genres = [GENRES[index % GENRES.length]!, GENRES[(index * 7 + 3) % GENRES.length]!, GENRES[(index * 11 + 5) % GENRES.length]!];
  const title = `${WORDS[index % WORDS.length]} ${WORDS[(index * 3 + 1) % WORDS.length]} ${index}`;
  return {
    '99popularity': 10 + ((index * 53) % 90),
    director: DIRECTORS[index % DIRECTORS.length]!,
    genre: genreList([...new Set(genres)]),
    imdb_score: score / 10,
    name: title,
  };
}

const REPEATED: ImdbRecord[] = [
  {
    '99popularity': 83,
    director: 'Victor Fleming',
    genre: genreList(['Adventure', 'Family', 'Fantasy', 'Musical']),
    imdb_score: 8.3,
    name: 'The Wizard of Oz',
  },
  { '99popularity': 76, director: 'Tim Burton', genre: genreList(['Action', 'Adventure', 'Fantasy']), imdb_score: 7.6, name: 'Batman' },
  { '99popularity': 65, director: 'Leslie Cheung', genre: genreList(['Fantasy', 'Musical']), imdb_score: 6.5, name: 'The Wizard of Oz' },
  {
    '99popularity': 54,
    director: 'Oscar Rudolph',
    genre: genreList(['Action', 'Adventure', 'Comedy', 'Crime']),
    imdb_score: 5.4,
    name: 'Batman',
  },
];

/** The records, as the catalog API's data set lists them. */
export function imdbRecords(): ImdbRecord[] {
  const rest = Array.from({ length: IMDB_RECORDS - REPEATED.length }, (_, index) => generated(index));
  return [REPEATED[0]!, REPEATED[1]!, ...rest.slice(0, 120), REPEATED[2]!, ...rest.slice(120), REPEATED[3]!];
}

/** The data set as the JSON text of a file (pretty-printed, as imdb.json is). */
export const imdbJson = (): string => JSON.stringify(imdbRecords(), null, 2);
