import { random } from './support/hostile/values.ts';

/**
 * The catalog the relevance set searches (test/relevance.test.ts): well-known films with
 * their sequels and near-duplicate titles, accented titles and names, one- and two-letter
 * titles, and a few hundred generated titles and names around them (seeded, so every run
 * and every adapter sees the same catalog). Popularity decides ties, as in a real catalog.
 */
export interface CatalogMovie {
  title: string;
  director: string;
  popularity: number;
}

const FILMS: [string, string, number][] = [
  ['The Godfather', 'Francis Ford Coppola', 95],
  ['The Godfather Part II', 'Francis Ford Coppola', 88],
  ['The Godfather Part III', 'Francis Ford Coppola', 70],
  ['The Godmother', 'Lina Ferro', 10],
  ['The Dark Knight', 'Christopher Nolan', 96],
  ['The Dark Knight Rises', 'Christopher Nolan', 85],
  ['Dark Knight of the Soul', 'Ian Pike', 5],
  ['Dark City', 'Alex Proyas', 40],
  ['Pulp Fiction', 'Quentin Tarantino', 92],
  ['Django Unchained', 'Quentin Tarantino', 80],
  ['Inglourious Basterds', 'Quentin Tarantino', 78],
  ['Kill Bill: Vol. 1', 'Quentin Tarantino', 75],
  ['Kill Bill: Vol. 2', 'Quentin Tarantino', 70],
  ['Amélie', 'Jean-Pierre Jeunet', 65],
  ['Léon: The Professional', 'Luc Besson', 72],
  ['Alien', 'Ridley Scott', 80],
  ['Aliens', 'James Cameron', 78],
  ['Alien Nation', 'Graham Baker', 15],
  ['Alienated', 'Rosa Vidal', 8],
  ['Alien 3', 'David Fincher', 40],
  ['Se7en', 'David Fincher', 82],
  ['Fight Club', 'David Fincher', 90],
  ['The Matrix', 'Lana Wachowski', 91],
  ['The Matrix Reloaded', 'Lana Wachowski', 70],
  ['Matrix of Lies', 'Tom Abel', 3],
  ['The Lord of the Rings: The Fellowship of the Ring', 'Peter Jackson', 93],
  ['The Lord of the Rings: The Two Towers', 'Peter Jackson', 90],
  ['The Lord of the Rings: The Return of the King', 'Peter Jackson', 92],
  ['Star Wars', 'George Lucas', 94],
  ['Star Trek', 'J. J. Abrams', 70],
  ['Stardust', 'Matthew Vaughn', 45],
  ['Spirited Away', 'Hayao Miyazaki', 85],
  ['Crouching Tiger, Hidden Dragon', 'Ang Lee', 60],
  ['Y tu mamá también', 'Alfonso Cuarón', 50],
  ["Pan's Labyrinth", 'Guillermo del Toro', 66],
  ['Das Boot', 'Wolfgang Petersen', 55],
  ['Heat', 'Michael Mann', 77],
  ['Heat Wave', 'Ora Quinn', 20],
  ['Heathers', 'Michael Lehmann', 30],
  ['Up', 'Pete Docter', 80],
  ['It', 'Andy Muschietti', 60],
  ['Her', 'Spike Jonze', 62],
  ['Jaws', 'Steven Spielberg', 79],
  ['Jurassic Park', 'Steven Spielberg', 88],
  ["Schindler's List", 'Steven Spielberg', 86],
  ['Titanic', 'James Cameron', 87],
  ['Avatar', 'James Cameron', 85],
  ['Gladiator', 'Ridley Scott', 83],
  ['Blade Runner', 'Ridley Scott', 81],
  ['Blade Runner 2049', 'Denis Villeneuve', 79],
  ['Blade', 'Stephen Norrington', 50],
  ['The Shining', 'Stanley Kubrick', 82],
  ['A Clockwork Orange', 'Stanley Kubrick', 75],
  ['2001: A Space Odyssey', 'Stanley Kubrick', 80],
  ['Citizen Kane', 'Orson Welles', 70],
  ['Casablanca', 'Michael Curtiz', 74],
  ['Goodfellas', 'Martin Scorsese', 89],
  ['Taxi Driver', 'Martin Scorsese', 81],
  ['The Departed', 'Martin Scorsese', 84],
  ['Parasite', 'Bong Joon-ho', 90],
  ['Oldboy', 'Park Chan-wook', 72],
  ['City of God', 'Fernando Meirelles', 74],
];

export const ACTORS = [
  'Al Pacino',
  'Marlon Brando',
  'Robert De Niro',
  'Penélope Cruz',
  'Audrey Tautou',
  'Zoë Saldaña',
  'Uma Thurman',
  'Samuel L. Jackson',
  'Sigourney Weaver',
  'Keanu Reeves',
  'Scarlett Johansson',
  'Joaquin Phoenix',
  'Christian Bale',
  'Heath Ledger',
  'Song Kang-ho',
  'Renée Zellweger',
  'Björk',
  'Chloë Sevigny',
  'Mads Mikkelsen',
  'Bruno Ganz',
];

const ADJECTIVES = ['Silent', 'Broken', 'Golden', 'Last', 'Hidden', 'Frozen', 'Burning', 'Lost', 'Crimson', 'Endless', 'Quiet', 'Wild'];
const NOUNS = ['River', 'Empire', 'Garden', 'Harbor', 'Mirror', 'Signal', 'Orchard', 'Winter', 'Voyage', 'Border', 'Promise', 'Engine'];
const FIRST = ['Ada', 'Bruno', 'Clara', 'Dario', 'Elsa', 'Felix', 'Greta', 'Hugo', 'Iris', 'Jonas', 'Kira', 'Luca'];
const LAST = ['Moreau', 'Novak', 'Okafor', 'Petrov', 'Quist', 'Rossi', 'Silva', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Young'];

const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)]!;

/** Generated titles around the films: "The Silent River", "Golden Harbor 2", … with low popularity. */
export function catalogMovies(generated = 400): CatalogMovie[] {
  const next = random(13);
  const films = FILMS.map(([title, director, popularity]) => ({ title, director, popularity }));
  const seen = new Set(films.map((f) => f.title));
  while (films.length < FILMS.length + generated) {
    const base = `${next() < 0.5 ? 'The ' : ''}${pick(ADJECTIVES, next)} ${pick(NOUNS, next)}`;
    const title = next() < 0.3 ? `${base} ${1 + Math.floor(next() * 4)}` : base;
    if (seen.has(title)) continue;
    seen.add(title);
    films.push({ title, director: `${pick(FIRST, next)} ${pick(LAST, next)}`, popularity: Math.round(next() * 300) / 10 });
  }
  return films;
}

export function catalogActors(generated = 200): string[] {
  const next = random(29);
  const names = [...ACTORS];
  while (names.length < ACTORS.length + generated) names.push(`${pick(FIRST, next)} ${pick(LAST, next)} ${names.length}`);
  return names;
}
