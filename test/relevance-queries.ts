/**
 * The relevance set: what a person types, and the result they mean (kind and title or
 * name). Written as a person would expect, not as the ranking happens to answer: a miss
 * counts against the figures.
 */
export interface RelevanceQuery {
  q: string;
  kind: 'movie' | 'actor';
  expected: string;
  why: string;
}

const movie = (q: string, expected: string, why: string): RelevanceQuery => ({ q, kind: 'movie', expected, why });
const actor = (q: string, expected: string, why: string): RelevanceQuery => ({ q, kind: 'actor', expected, why });

export const RELEVANCE_QUERIES: RelevanceQuery[] = [
  movie('godfather', 'The Godfather', 'title word, sequels and The Godmother nearby'),
  movie('godfater', 'The Godfather', 'typo (a letter missing)'),
  movie('godfather part ii', 'The Godfather Part II', 'near-duplicate: Part II vs Part III'),
  movie('godf', 'The Godfather', 'word prefix'),
  movie('dark knight', 'The Dark Knight', 'near-duplicate: Rises, Dark Knight of the Soul'),
  movie('dark knigth', 'The Dark Knight', 'typo (letters swapped)'),
  movie('pulp', 'Pulp Fiction', 'title prefix'),
  movie('pulp fictoin', 'Pulp Fiction', 'typo (letters swapped)'),
  movie('tarantino', 'Pulp Fiction', "director: the most popular of Tarantino's films"),
  movie('tarantno', 'Pulp Fiction', "typo in a director's name"),
  movie('quentin tarantino', 'Pulp Fiction', 'full director name'),
  movie('amelie', 'Amélie', 'accent in the title'),
  movie('AMÉLIE', 'Amélie', 'accent and case in the query'),
  movie('leon', 'Léon: The Professional', 'accent, title prefix'),
  movie('alien', 'Alien', 'exact title among Aliens, Alien Nation, Alienated, Alien 3'),
  movie('aliens', 'Aliens', 'exact title, plural'),
  movie('alien 3', 'Alien 3', 'exact title with a number'),
  movie('matrix', 'The Matrix', 'title word, near-duplicates'),
  movie('the matrix reloaded', 'The Matrix Reloaded', 'exact title of a sequel'),
  movie('lord of the rings', 'The Lord of the Rings: The Fellowship of the Ring', 'stop words inside'),
  movie('return of the king', 'The Lord of the Rings: The Return of the King', 'subtitle'),
  movie('two towers', 'The Lord of the Rings: The Two Towers', 'subtitle words'),
  movie('star wars', 'Star Wars', 'exact title'),
  movie('star', 'Star Wars', 'prefix shared by Star Trek and Stardust'),
  movie('stardust', 'Stardust', 'exact title'),
  movie('spirited', 'Spirited Away', 'first word'),
  movie('miyazaki', 'Spirited Away', 'director'),
  movie('crouching tiger', 'Crouching Tiger, Hidden Dragon', 'title before a comma'),
  movie('y tu mama', 'Y tu mamá también', 'accent, short words'),
  movie('cuaron', 'Y tu mamá también', 'accent in a director'),
  movie('guillermo del toro', "Pan's Labyrinth", 'director with a particle'),
  movie('pans labyrinth', "Pan's Labyrinth", 'apostrophe left out'),
  movie('heat', 'Heat', 'exact title among Heat Wave and Heathers'),
  movie('up', 'Up', 'two-letter title'),
  movie('it', 'It', 'two-letter title that is also a common word'),
  movie('her', 'Her', 'three-letter title inside other words'),
  movie('the', 'The Dark Knight', 'stop word: the most popular title starting with it'),
  movie('a', 'Avatar', 'one letter: the most popular title starting with it'),
  movie('spielberg', 'Jurassic Park', 'director'),
  movie('spielburg', 'Jurassic Park', 'typo in a director'),
  movie('kubrik', 'The Shining', 'typo (a letter missing) in a director'),
  movie('scorcese', 'Goodfellas', 'typo in a director'),
  movie('fincher', 'Fight Club', 'director, most popular film'),
  movie('blade runner', 'Blade Runner', 'exact title before its sequel'),
  movie('blade', 'Blade', 'exact title before Blade Runner'),
  movie('schindlers list', "Schindler's List", 'apostrophe left out'),
  movie('city of god', 'City of God', 'exact title of stop words'),
  movie('parasite', 'Parasite', 'exact title'),
  movie('bong joon ho', 'Parasite', 'director, hyphen typed as a space'),
  movie('gladiatr', 'Gladiator', 'typo (a letter missing)'),
  movie('casablanka', 'Casablanca', 'typo (a letter changed)'),
  actor('pacino', 'Al Pacino', 'surname'),
  actor('al pacino', 'Al Pacino', 'full name'),
  actor('brando', 'Marlon Brando', 'surname'),
  actor('de niro', 'Robert De Niro', 'two-word surname'),
  actor('penelope cruz', 'Penélope Cruz', 'accent'),
  actor('zoe saldana', 'Zoë Saldaña', 'diaeresis and tilde'),
  actor('zellwegger', 'Renée Zellweger', 'typo in a surname'),
  actor('bjork', 'Björk', 'one-word name with an umlaut'),
  actor('heath', 'Heath Ledger', 'first name, with Heathers and Heat Wave nearby'),
  actor('sigourney', 'Sigourney Weaver', 'first name'),
  actor('scarlet johansson', 'Scarlett Johansson', 'typo (a letter missing)'),
  actor('mikkelsen', 'Mads Mikkelsen', 'surname'),
  actor('chloe', 'Chloë Sevigny', 'diaeresis'),
  actor('sigour', 'Sigourney Weaver', 'prefix of a first name'),
  actor('joakin phoenix', 'Joaquin Phoenix', 'typo in a first name'),
  actor('samuel jackson', 'Samuel L. Jackson', 'middle initial left out'),
  actor('kang-ho', 'Song Kang-ho', 'hyphenated given name'),
];
