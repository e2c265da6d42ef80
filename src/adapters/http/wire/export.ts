import { Type } from 'typebox';
import { MARQUEE_FIELDS } from '../../imports/movie-records.ts';
import { MovieListQuery } from './movie-list.ts';

/** The fields the import reads (so an export imports again), between the id and what only an export carries. */
export const CSV_COLUMNS = ['id', ...MARQUEE_FIELDS, 'created_at', 'updated_at', 'version'];

const { page: _page, limit: _limit, sort: _sort, ...filters } = MovieListQuery.properties;

export const ExportQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Union([Type.Literal('ndjson'), Type.Literal('csv')], {
        default: 'ndjson',
        description: 'ndjson (one movie per line) or csv (header row, genres joined by |)',
      }),
    ),
    ...filters,
  },
  { additionalProperties: false },
);

export const ExportFile = Type.String({
  description:
    'The matching movies in id order, streamed. NDJSON: one movie object per line, the fields of GET /movies/{id} ' +
    `without the cast. CSV: header ${CSV_COLUMNS.join(',')}; ` +
    'an empty cell is null. Either file imports back unchanged through POST /movies/import.',
});
