import t from 'tap';
import { detectFormat } from '../../../src/adapters/imports/import-format.ts';
import { readMovieRecord } from '../../../src/adapters/imports/movie-records.ts';
import { movieFromRecord } from '../../../src/application/imports/map-movie-record.ts';
import { ImportFormatError } from '../../../src/domain/import-errors.ts';

const now = new Date('2026-01-01T00:00:00Z');
/** A file's record as the import sees it: read by the adapter, then validated by the core. */
const mapMovieRecord = (record: unknown, at: Date) => movieFromRecord(readMovieRecord(record), at);

t.test('format from the content type, else from the file name', async (t) => {
  t.equal(detectFormat({ contentType: 'application/json; charset=utf-8' }), 'json');
  t.equal(detectFormat({ contentType: 'application/x-ndjson' }), 'ndjson');
  t.equal(detectFormat({ contentType: 'application/jsonl' }), 'ndjson');
  t.equal(detectFormat({ contentType: 'text/csv', fileName: 'movies.json' }), 'csv', 'a specific type wins');
  t.equal(detectFormat({ contentType: 'application/octet-stream', fileName: 'Movies.JSONL' }), 'ndjson');
  t.equal(detectFormat({ fileName: 'imdb.json' }), 'json');
  t.equal(detectFormat({ contentType: 'text/plain', fileName: 'a.csv' }), 'csv');
});

t.test('an unknown format or a non-UTF-8 charset is a 415-kind error', async (t) => {
  const hints = [
    {},
    { contentType: 'application/xml', fileName: 'a.json' },
    { fileName: 'movies.xlsx' },
    { contentType: 'text/csv; charset=latin1' },
  ];
  for (const hint of hints) {
    t.throws(() => detectFormat(hint), ImportFormatError, JSON.stringify(hint));
    t.throws(() => detectFormat(hint), { kind: 'unsupported_media', code: 'IMPORT_FORMAT_UNKNOWN' });
  }
});

t.test('IMDb shape → a movie with trimmed genres', async (t) => {
  const mapped = mapMovieRecord(
    { '99popularity': 83, director: 'Victor Fleming', genre: ['Adventure', ' Family'], imdb_score: 8.3, name: 'The Wizard of Oz' },
    now,
  );
  t.ok('movie' in mapped);
  if (!('movie' in mapped)) return;
  t.match(mapped.movie, {
    title: 'The Wizard of Oz',
    director: 'Victor Fleming',
    popularity: 83,
    imdbScore: 8.3,
    releaseDate: null,
    genres: ['Adventure', 'Family'],
  });
  const piped = mapMovieRecord({ name: 'X', genre: 'Crime| Drama|crime' }, now);
  t.same('movie' in piped && piped.movie.genres, ['Crime', 'Drama'], 'a "|"-string of genres');
});

t.test("Marquee's shape, including the fields an export adds", async (t) => {
  const record = {
    id: 7,
    title: 'Heat',
    release_date: '1995-12-15',
    director: 'Michael Mann',
    genres: ['Crime'],
    popularity: 70,
    imdb_score: 8.3,
    shoot_start: '1995-01-10',
    shoot_end: '1995-06-30',
    created_at: 'x',
    updated_at: 'y',
    version: 3,
  };
  const mapped = mapMovieRecord(record, now);
  t.match('movie' in mapped && mapped.movie, {
    id: 0,
    title: 'Heat',
    releaseDate: '1995-12-15',
    popularity: 70,
    imdbScore: 8.3,
    genres: ['Crime'],
    shootStart: '1995-01-10',
    shootEnd: '1995-06-30',
  });
});

t.test('wrong types → row problems with the path of the field', async (t) => {
  const problems = (record: unknown) => {
    const mapped = mapMovieRecord(record, now);
    return 'problems' in mapped ? mapped.problems.map((p) => p.path) : [];
  };
  t.same(problems({ name: 'X', imdb_score: '8.3', '99popularity': true }), ['/99popularity', '/imdb_score']);
  t.same(problems({ title: 'X', genres: ['a', 3] }), ['/genres/1']);
  t.same(problems({ title: 'X', genres: 5, release_date: 19950101 }), ['/release_date', '/genres']);
  t.same(problems({ director: 'Y' }), ['/title']);
  t.same(problems({ name: 7 }), ['/name']);
  t.same(problems({ title: 'X', rating: 'PG' }), ['/rating'], 'unknown fields are not silently dropped');
  t.same(problems([1, 2]), ['']);
  t.same(problems('text'), ['']);
});

t.test("domain rule violations carry the domain's details, named as the file names them", async (t) => {
  const imdb = mapMovieRecord({ name: '', '99popularity': 101, imdb_score: 11, genre: ['x'.repeat(65)] }, now);
  t.same('problems' in imdb && imdb.problems.map((p) => p.path), ['/name', '/99popularity', '/imdb_score', '/genre']);
  const marquee = mapMovieRecord({ title: 'X', release_date: '2021-02-30', popularity: -1 }, now);
  t.match('problems' in marquee && marquee.problems, [{ path: '/release_date', message: /YYYY-MM-DD/ }, { path: '/popularity' }]);
});

t.test('a shoot window is read as a pair, start before end; the IMDb shape has none', async (t) => {
  const paths = (record: Record<string, unknown>) => {
    const mapped = mapMovieRecord(record, now);
    return 'problems' in mapped ? mapped.problems.map((p) => p.path) : [];
  };
  t.same(paths({ title: 'X', shoot_start: '2027-05-01' }), ['/shoot_end'], 'both or neither');
  t.same(paths({ title: 'X', shoot_start: '2027-05-01', shoot_end: '2027-04-01' }), ['/shoot_end'], 'the end is not before the start');
  t.same(paths({ title: 'X', shoot_start: '1 May', shoot_end: '2027-06-01' }), ['/shoot_start']);
  t.same(paths({ title: 'X', shoot_start: 20270501, shoot_end: '2027-06-01' }), ['/shoot_start']);
  t.same(paths({ name: 'X', shoot_start: '2027-05-01', shoot_end: '2027-06-01' }), ['/shoot_start', '/shoot_end'], 'not IMDb fields');
  t.match(mapMovieRecord({ title: 'X', shoot_start: null, shoot_end: null }, now), { movie: { shootStart: null, shootEnd: null } });
});
