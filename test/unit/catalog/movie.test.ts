import t from 'tap';
import { DomainError } from '../../../src/domain/errors.ts';
import { Movie } from '../../../src/domain/movie.ts';

const detailsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, paths: error.details.map((d) => d.path) };
  }
  return null;
};

t.test('a movie is created with trimmed, de-duplicated genres', async (t) => {
  const movie = Movie.create({ title: '  Alien ', genres: ['Horror', ' Sci-Fi', 'horror', ' ', 'SCI-FI'] }, new Date());
  t.equal(movie.title, 'Alien');
  t.same(movie.genres, ['Horror', 'Sci-Fi']);
  t.equal(movie.version, 1);
  t.equal(movie.id, 0);
});

t.test('every broken rule is reported at once as a validation error', async (t) => {
  const result = detailsOf(() => Movie.create({ title: '', releaseDate: '2021-02-30', popularity: 101, imdbScore: -1 }, new Date()));
  t.same(result, { kind: 'validation', paths: ['/title', '/release_date', '/popularity', '/imdb_score'] });
});

t.test('limits are inclusive', async (t) => {
  const movie = Movie.create({ title: 'x'.repeat(200), popularity: 100, imdbScore: 0, releaseDate: '2024-02-29' }, new Date());
  t.equal(movie.popularity, 100);
  t.ok(detailsOf(() => Movie.create({ title: 'x'.repeat(201) }, new Date())));
  t.ok(detailsOf(() => Movie.create({ title: 'x', imdbScore: 10.01 }, new Date())));
  t.ok(detailsOf(() => Movie.create({ title: 'x', popularity: Number.NaN }, new Date())));
});

t.test('changes are validated and bump the version', async (t) => {
  const movie = Movie.create({ title: 'Heat', director: 'Michael Mann' }, new Date());
  const changed = movie.withChanges({ imdbScore: 8.3, director: undefined }, new Date());
  t.equal(changed.version, 2);
  t.equal(changed.imdbScore, 8.3);
  t.equal(changed.director, 'Michael Mann', 'undefined leaves a field as it was');
  t.equal(movie.imdbScore, null, 'the original is unchanged');
  t.ok(detailsOf(() => movie.withChanges({ imdbScore: 11 }, new Date())));
  t.equal(movie.withChanges({ director: null }, new Date()).director, null, 'null clears a field');
});

t.test('the natural key ignores case', async (t) => {
  const a = Movie.create({ title: 'Batman', director: 'Tim Burton' }, new Date());
  const b = Movie.create({ title: 'BATMAN', director: 'tim burton' }, new Date());
  const c = Movie.create({ title: 'Batman', director: 'Leslie H. Martinson' }, new Date());
  t.equal(a.naturalKey(), b.naturalKey());
  t.not(a.naturalKey(), c.naturalKey());
});
