import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { guardFormula } from '../../imports/csv-formula.ts';
import type { ExportMovies } from '../../../application/movies/export-movies.ts';
import type { Movie } from '../../../domain/movie.ts';
import { errors } from '../wire/common.ts';
import { CSV_COLUMNS, ExportFile, ExportQuery } from '../wire/export.ts';
import { movieFilter } from '../wire/movie-list.ts';
import { movieView } from '../wire/movie.ts';

const MEDIA = { ndjson: 'application/x-ndjson; charset=utf-8', csv: 'text/csv; charset=utf-8' };

/** The use cases these routes call. */
export interface ExportUseCases {
  exportMovies: ExportMovies;
}

/** GET /movies/export: the filtered catalog as a file, streamed page by page (keyset on id). */
export const exportRoutes: FastifyPluginAsyncTypebox<{ useCases: ExportUseCases }> = async (app, { useCases }) => {
  app.get('/movies/export', {
    config: { permission: 'get:movies' },
    schema: {
      operationId: 'exportMovies',
      tags: ['import'],
      summary: 'Export movies as NDJSON or CSV',
      description: 'Takes the filters of GET /movies (no paging or sort: the whole match, in id order).',
      querystring: ExportQuery,
      // The file in either format; errors stay JSON (a `produces` list would declare them as files too).
      response: {
        200: {
          description: 'the matching movies as a file, in the format asked for (see the schema)',
          content: { 'application/x-ndjson': { schema: ExportFile }, 'text/csv': { schema: ExportFile } },
        },
        ...errors(),
      },
    },
    handler: async (request, reply) => {
      const { format = 'ndjson', ...query } = request.query; // Ajv fills the default; the type says optional
      const movies = useCases.exportMovies.execute({ filter: movieFilter(query) });
      // The first page is read before the headers go out, so a database failure is still a 503.
      const first = await movies.next();
      const lines = format === 'csv' ? csvLines(first, movies) : ndjsonLines(first, movies);
      reply.header('content-type', MEDIA[format]);
      reply.header('content-disposition', `attachment; filename="movies.${format}"`);
      // Streams skip the serializer; the 200 schema only documents the file.
      return reply.send(Readable.from(lines) as unknown as string);
    },
  });
};

type Pending = IteratorResult<Movie, void>;

async function* rest(first: Pending, movies: AsyncGenerator<Movie>): AsyncGenerator<Movie> {
  if (first.done) return;
  yield first.value;
  yield* movies;
}

async function* ndjsonLines(first: Pending, movies: AsyncGenerator<Movie>): AsyncGenerator<string> {
  for await (const movie of rest(first, movies)) yield `${JSON.stringify(movieView(movie))}\n`;
}

async function* csvLines(first: Pending, movies: AsyncGenerator<Movie>): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for await (const movie of rest(first, movies)) {
    const view: Record<string, unknown> = { ...movieView(movie), genres: movie.genres.join('|') };
    yield `${CSV_COLUMNS.map((column) => csvCell(view[column])).join(',')}\r\n`;
  }
}

/**
 * RFC 4180: quote a cell holding a comma, quote, line break or edge space; null is empty.
 * Text that a spreadsheet would run as a formula gets a leading apostrophe (csv-formula.ts).
 */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? guardFormula(value) : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
