/**
 * The sample catalog DEMO_DATA=true loads: real films (US release dates, IMDb scores as of
 * writing), living actors with their birth dates (ages are computed when loading, so they stay
 * true), and who played whom. Billing order is the order of each cast list.
 */

/** title, release date, director, genres separated by |, IMDb score */
export type DemoMovie = [string, string, string, string, number];
/** name, gender, birth date */
export type DemoActor = [string, string, string];
/** movie title → [actor name, character][] in billing order */
export type DemoCast = Record<string, [string, string][]>;

export const DEMO_MOVIES: DemoMovie[] = [
  ['The Shawshank Redemption', '1994-09-23', 'Frank Darabont', 'Drama', 9.3],
  ['The Godfather', '1972-03-24', 'Francis Ford Coppola', 'Crime|Drama', 9.2],
  ['The Godfather Part II', '1974-12-20', 'Francis Ford Coppola', 'Crime|Drama', 9.0],
  ['The Dark Knight', '2008-07-18', 'Christopher Nolan', 'Action|Crime|Drama', 9.0],
  ['Pulp Fiction', '1994-10-14', 'Quentin Tarantino', 'Crime|Drama', 8.9],
  ['Forrest Gump', '1994-07-06', 'Robert Zemeckis', 'Drama|Romance', 8.8],
  ['Inception', '2010-07-16', 'Christopher Nolan', 'Action|Adventure|Sci-Fi', 8.8],
  ['The Matrix', '1999-03-31', 'Lana Wachowski, Lilly Wachowski', 'Action|Sci-Fi', 8.7],
  ['Fight Club', '1999-10-15', 'David Fincher', 'Drama', 8.8],
  ['Goodfellas', '1990-09-21', 'Martin Scorsese', 'Biography|Crime|Drama', 8.7],
  ['Saving Private Ryan', '1998-07-24', 'Steven Spielberg', 'Drama|War', 8.6],
  ["Schindler's List", '1993-12-15', 'Steven Spielberg', 'Biography|Drama|History', 9.0],
  ['Titanic', '1997-12-19', 'James Cameron', 'Drama|Romance', 7.9],
  ['Cast Away', '2000-12-22', 'Robert Zemeckis', 'Adventure|Drama', 7.8],
  ['Catch Me If You Can', '2002-12-25', 'Steven Spielberg', 'Biography|Crime|Drama', 8.1],
  ['The Departed', '2006-10-06', 'Martin Scorsese', 'Crime|Drama|Thriller', 8.5],
  ['Interstellar', '2014-11-07', 'Christopher Nolan', 'Adventure|Drama|Sci-Fi', 8.7],
  ['Heat', '1995-12-15', 'Michael Mann', 'Action|Crime|Drama', 8.3],
  ['The Silence of the Lambs', '1991-02-14', 'Jonathan Demme', 'Crime|Drama|Thriller', 8.6],
  ['Se7en', '1995-09-22', 'David Fincher', 'Crime|Drama|Mystery', 8.6],
  ['Jurassic Park', '1993-06-11', 'Steven Spielberg', 'Action|Adventure|Sci-Fi', 8.2],
  ['Alien', '1979-05-25', 'Ridley Scott', 'Horror|Sci-Fi', 8.5],
  ['Gladiator', '2000-05-05', 'Ridley Scott', 'Action|Adventure|Drama', 8.5],
  ['Django Unchained', '2012-12-25', 'Quentin Tarantino', 'Drama|Western', 8.5],
  ['Inglourious Basterds', '2009-08-21', 'Quentin Tarantino', 'Adventure|Drama|War', 8.4],
  ['Kill Bill: Vol. 1', '2003-10-10', 'Quentin Tarantino', 'Action|Crime|Thriller', 8.2],
  ['Once Upon a Time in Hollywood', '2019-07-26', 'Quentin Tarantino', 'Comedy|Drama', 7.6],
  ['The Wolf of Wall Street', '2013-12-25', 'Martin Scorsese', 'Biography|Comedy|Crime', 8.2],
  ['Taxi Driver', '1976-02-08', 'Martin Scorsese', 'Crime|Drama', 8.2],
  ['Apocalypse Now', '1979-08-15', 'Francis Ford Coppola', 'Drama|War', 8.4],
  ['Mad Max: Fury Road', '2015-05-15', 'George Miller', 'Action|Adventure|Sci-Fi', 8.1],
  ['The Revenant', '2015-12-25', 'Alejandro G. Iñárritu', 'Action|Adventure|Drama', 8.0],
  ['Parasite', '2019-05-30', 'Bong Joon Ho', 'Drama|Thriller', 8.5],
  ['Spirited Away', '2001-07-20', 'Hayao Miyazaki', 'Animation|Adventure|Family', 8.6],
  ['Amélie', '2001-04-25', 'Jean-Pierre Jeunet', 'Comedy|Romance', 8.3],
  ['Arrival', '2016-11-11', 'Denis Villeneuve', 'Drama|Mystery|Sci-Fi', 7.9],
  ['La La Land', '2016-12-09', 'Damien Chazelle', 'Comedy|Drama|Music', 8.0],
  ['Lost in Translation', '2003-09-12', 'Sofia Coppola', 'Comedy|Drama', 7.7],
];

export const DEMO_ACTORS: DemoActor[] = [
  ['Tim Robbins', 'male', '1958-10-16'],
  ['Morgan Freeman', 'male', '1937-06-01'],
  ['Al Pacino', 'male', '1940-04-25'],
  ['Robert De Niro', 'male', '1943-08-17'],
  ['Christian Bale', 'male', '1974-01-30'],
  ['John Travolta', 'male', '1954-02-18'],
  ['Samuel L. Jackson', 'male', '1948-12-21'],
  ['Uma Thurman', 'female', '1970-04-29'],
  ['Tom Hanks', 'male', '1956-07-09'],
  ['Robin Wright', 'female', '1966-04-08'],
  ['Gary Sinise', 'male', '1955-03-17'],
  ['Leonardo DiCaprio', 'male', '1974-11-11'],
  ['Joseph Gordon-Levitt', 'male', '1981-02-17'],
  ['Tom Hardy', 'male', '1977-09-15'],
  ['Marion Cotillard', 'female', '1975-09-30'],
  ['Keanu Reeves', 'male', '1964-09-02'],
  ['Carrie-Anne Moss', 'female', '1967-08-21'],
  ['Edward Norton', 'male', '1969-08-18'],
  ['Brad Pitt', 'male', '1963-12-18'],
  ['Joe Pesci', 'male', '1943-02-09'],
  ['Matt Damon', 'male', '1970-10-08'],
  ['Liam Neeson', 'male', '1952-06-07'],
  ['Ralph Fiennes', 'male', '1962-12-22'],
  ['Kate Winslet', 'female', '1975-10-05'],
  ['Amy Adams', 'female', '1974-08-20'],
  ['Jack Nicholson', 'male', '1937-04-22'],
  ['Matthew McConaughey', 'male', '1969-11-04'],
  ['Anne Hathaway', 'female', '1982-11-12'],
  ['Jodie Foster', 'female', '1962-11-19'],
  ['Anthony Hopkins', 'male', '1937-12-31'],
  ['Sam Neill', 'male', '1947-09-14'],
  ['Laura Dern', 'female', '1967-02-10'],
  ['Jeff Goldblum', 'male', '1952-10-22'],
  ['Sigourney Weaver', 'female', '1949-10-08'],
  ['Russell Crowe', 'male', '1964-04-07'],
  ['Joaquin Phoenix', 'male', '1974-10-28'],
  ['Jamie Foxx', 'male', '1967-12-13'],
  ['Christoph Waltz', 'male', '1956-10-04'],
  ['Mélanie Laurent', 'female', '1983-02-21'],
  ['Margot Robbie', 'female', '1990-07-02'],
  ['Martin Sheen', 'male', '1940-08-03'],
  ['Charlize Theron', 'female', '1975-08-07'],
  ['Song Kang-ho', 'male', '1967-01-17'],
  ['Audrey Tautou', 'female', '1976-08-09'],
  ['Ryan Gosling', 'male', '1980-11-12'],
  ['Emma Stone', 'female', '1988-11-06'],
  ['Bill Murray', 'male', '1950-09-21'],
  ['Scarlett Johansson', 'female', '1984-11-22'],
];

export const DEMO_CAST: DemoCast = {
  'The Shawshank Redemption': [
    ['Tim Robbins', 'Andy Dufresne'],
    ['Morgan Freeman', "Ellis Boyd 'Red' Redding"],
  ],
  'The Godfather': [['Al Pacino', 'Michael Corleone']],
  'The Godfather Part II': [
    ['Al Pacino', 'Michael Corleone'],
    ['Robert De Niro', 'Vito Corleone'],
  ],
  'The Dark Knight': [['Christian Bale', 'Bruce Wayne']],
  'Pulp Fiction': [
    ['John Travolta', 'Vincent Vega'],
    ['Samuel L. Jackson', 'Jules Winnfield'],
    ['Uma Thurman', 'Mia Wallace'],
  ],
  'Forrest Gump': [
    ['Tom Hanks', 'Forrest Gump'],
    ['Robin Wright', 'Jenny Curran'],
    ['Gary Sinise', 'Lieutenant Dan Taylor'],
  ],
  Inception: [
    ['Leonardo DiCaprio', 'Cobb'],
    ['Joseph Gordon-Levitt', 'Arthur'],
    ['Tom Hardy', 'Eames'],
    ['Marion Cotillard', 'Mal'],
  ],
  'The Matrix': [
    ['Keanu Reeves', 'Neo'],
    ['Carrie-Anne Moss', 'Trinity'],
  ],
  'Fight Club': [
    ['Edward Norton', 'The Narrator'],
    ['Brad Pitt', 'Tyler Durden'],
  ],
  Goodfellas: [
    ['Robert De Niro', 'James Conway'],
    ['Joe Pesci', 'Tommy DeVito'],
  ],
  'Saving Private Ryan': [
    ['Tom Hanks', 'Captain John H. Miller'],
    ['Matt Damon', 'Private James Francis Ryan'],
  ],
  "Schindler's List": [
    ['Liam Neeson', 'Oskar Schindler'],
    ['Ralph Fiennes', 'Amon Göth'],
  ],
  Titanic: [
    ['Leonardo DiCaprio', 'Jack Dawson'],
    ['Kate Winslet', 'Rose DeWitt Bukater'],
  ],
  'Cast Away': [['Tom Hanks', 'Chuck Noland']],
  'Catch Me If You Can': [
    ['Leonardo DiCaprio', 'Frank Abagnale Jr.'],
    ['Tom Hanks', 'Carl Hanratty'],
    ['Amy Adams', 'Brenda Strong'],
  ],
  'The Departed': [
    ['Leonardo DiCaprio', 'Billy Costigan'],
    ['Matt Damon', 'Colin Sullivan'],
    ['Jack Nicholson', 'Frank Costello'],
  ],
  Interstellar: [
    ['Matthew McConaughey', 'Cooper'],
    ['Anne Hathaway', 'Brand'],
    ['Matt Damon', 'Dr. Mann'],
  ],
  Heat: [
    ['Al Pacino', 'Vincent Hanna'],
    ['Robert De Niro', 'Neil McCauley'],
  ],
  'The Silence of the Lambs': [
    ['Jodie Foster', 'Clarice Starling'],
    ['Anthony Hopkins', 'Dr. Hannibal Lecter'],
  ],
  Se7en: [
    ['Brad Pitt', 'Detective David Mills'],
    ['Morgan Freeman', 'Detective William Somerset'],
  ],
  'Jurassic Park': [
    ['Sam Neill', 'Dr. Alan Grant'],
    ['Laura Dern', 'Dr. Ellie Sattler'],
    ['Jeff Goldblum', 'Dr. Ian Malcolm'],
  ],
  Alien: [['Sigourney Weaver', 'Ripley']],
  Gladiator: [
    ['Russell Crowe', 'Maximus'],
    ['Joaquin Phoenix', 'Commodus'],
  ],
  'Django Unchained': [
    ['Jamie Foxx', 'Django'],
    ['Christoph Waltz', 'Dr. King Schultz'],
    ['Leonardo DiCaprio', 'Calvin Candie'],
    ['Samuel L. Jackson', 'Stephen'],
  ],
  'Inglourious Basterds': [
    ['Brad Pitt', 'Lt. Aldo Raine'],
    ['Mélanie Laurent', 'Shosanna Dreyfus'],
    ['Christoph Waltz', 'Col. Hans Landa'],
  ],
  'Kill Bill: Vol. 1': [['Uma Thurman', 'The Bride']],
  'Once Upon a Time in Hollywood': [
    ['Leonardo DiCaprio', 'Rick Dalton'],
    ['Brad Pitt', 'Cliff Booth'],
    ['Margot Robbie', 'Sharon Tate'],
  ],
  'The Wolf of Wall Street': [
    ['Leonardo DiCaprio', 'Jordan Belfort'],
    ['Margot Robbie', 'Naomi Lapaglia'],
    ['Matthew McConaughey', 'Mark Hanna'],
  ],
  'Taxi Driver': [
    ['Robert De Niro', 'Travis Bickle'],
    ['Jodie Foster', 'Iris'],
  ],
  'Apocalypse Now': [['Martin Sheen', 'Captain Benjamin L. Willard']],
  'Mad Max: Fury Road': [
    ['Tom Hardy', 'Max Rockatansky'],
    ['Charlize Theron', 'Imperator Furiosa'],
  ],
  'The Revenant': [
    ['Leonardo DiCaprio', 'Hugh Glass'],
    ['Tom Hardy', 'John Fitzgerald'],
  ],
  Parasite: [['Song Kang-ho', 'Kim Ki-taek']],
  Amélie: [['Audrey Tautou', 'Amélie Poulain']],
  Arrival: [['Amy Adams', 'Louise Banks']],
  'La La Land': [
    ['Ryan Gosling', 'Sebastian'],
    ['Emma Stone', 'Mia'],
  ],
  'Lost in Translation': [
    ['Bill Murray', 'Bob Harris'],
    ['Scarlett Johansson', 'Charlotte'],
  ],
};
