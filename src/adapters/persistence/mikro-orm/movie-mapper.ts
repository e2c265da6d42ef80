import type { Selectable } from 'kysely';
import { Movie } from '../../../domain/movie.ts';
import { instantFromText, type MarqueeDatabase } from './kysely-database.ts';

/** A movie row as the driver returns it; its type is inferred from MovieEntity. */
export type MovieRow = Selectable<MarqueeDatabase['movie']>;

/** The one place where a movie becomes a row and back. */
export const movieMapper = {
  toDomain(row: MovieRow): Movie {
    return Movie.restore({
      id: row.id,
      title: row.title,
      releaseDate: row.release_date,
      director: row.director,
      genres: row.genres,
      popularity: row.popularity,
      imdbScore: row.imdb_score,
      shootStart: row.shoot_start,
      shootEnd: row.shoot_end,
      createdAt: instantFromText(row.created_at),
      updatedAt: instantFromText(row.updated_at),
      version: row.version,
    });
  },

  /** Every stored column but the generated id: a column added to the entity fails to compile here. */
  toRow(movie: Movie): Omit<MovieRow, 'id'> {
    return {
      title: movie.title,
      release_date: movie.releaseDate,
      director: movie.director,
      genres: movie.genres,
      popularity: movie.popularity,
      imdb_score: movie.imdbScore,
      shoot_start: movie.shootStart,
      shoot_end: movie.shootEnd,
      created_at: movie.createdAt.toISOString(),
      updated_at: movie.updatedAt.toISOString(),
      version: movie.version,
    };
  },
};
