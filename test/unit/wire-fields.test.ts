import t from 'tap';
import { Type } from 'typebox';
import { domainFields, wireView, type NoFields, type UnmatchedFields } from '../../src/adapters/http/wire/fields.ts';
import { movieView } from '../../src/adapters/http/wire/movie.ts';
import { Movie } from '../../src/domain/movie.ts';

const Show = Type.Object({ id: Type.Integer(), imdb_score: Type.Number(), created_at: Type.String() });

t.test('a view lists the schema fields by their snake_case names, instants as ISO text', async (t) => {
  const createdAt = new Date('2026-01-02T03:04:05.678Z');
  const view = wireView(Show)({ id: 7, imdbScore: 8.5, createdAt });
  t.same(view, { id: 7, imdb_score: 8.5, created_at: '2026-01-02T03:04:05.678Z' });
  t.same(Object.keys(movieView(Movie.create({ title: 'Heat' }, createdAt))), [
    ...['id', 'title', 'release_date', 'director', 'genres', 'popularity', 'imdb_score', 'shoot_start', 'shoot_end'],
    ...['created_at', 'updated_at', 'version'],
  ]);
});

t.test('a body becomes the domain names; absent and undefined fields stay absent', async (t) => {
  t.same(domainFields({ release_date: null, imdb_score: 7, director: undefined }), { releaseDate: null, imdbScore: 7 });
});

// Checked by tsc --noEmit (CI's type check), not at run time: an @ts-expect-error that stops failing fails tsc.
type _Same = NoFields<UnmatchedFields<{ imdb_score: number }, { imdbScore: number; rank(): number }>>;
// @ts-expect-error the domain has a tagline the wire lacks
type _DomainOnly = NoFields<UnmatchedFields<{ title: string }, { title: string; tagline: string }>>;
// @ts-expect-error the wire has a tagline the domain lacks
type _WireOnly = NoFields<UnmatchedFields<{ title: string; tagline: string }, { title: string }>>;

t.test('a view needs every wire field from the domain object', async (t) => {
  // @ts-expect-error createdAt is missing
  t.same(wireView(Show)({ id: 1, imdbScore: 2 }), { id: 1, imdb_score: 2, created_at: undefined });
});
