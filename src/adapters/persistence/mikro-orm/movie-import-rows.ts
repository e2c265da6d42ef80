import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import type { Movie } from '../../../domain/movie.ts';
import { IMPORT_OVERWRITES } from '../../../domain/movie-import-rules.ts';
import { arrayLiteral, copyText } from './copy-text.ts';
import { NATURAL_KEY } from './movie-entity.ts';
import { movieMapper, type MovieRow } from './movie-mapper.ts';

/** Imports hold this transaction-scoped advisory lock, so two overlapping files queue instead of deadlocking. */
export const IMPORT_LOCK_KEY = 0x4d51_494d; // "MQIM"

/** A column the import writes: its name, its SQL type and the entity property (the domain field) it holds. */
type Column = { name: keyof Omit<MovieRow, 'id'>; type: string; field: string };
/** One statement with its bind parameters (one array per column: a batch binds the same number whatever its size). */
export interface Statement {
  sql: string;
  parameters: unknown[];
  /** Prepares it once per connection on PostgreSQL, for statements run once per batch. */
  name?: string;
}

/**
 * The import's statements on the movie table. Columns and their types come from MovieEntity's
 * metadata, values from the mapper, so a column added to the entity is imported without an edit here.
 * Array columns travel as PostgreSQL array literals (`{"a","b"}`), cast back per row, because
 * unnest of a two-dimensional array would flatten it.
 */
export class MovieImportSql {
  /** COPY … FROM STDIN (text format) into the movie table, every column but the id. */
  readonly copy: string;
  private readonly table: string;
  private readonly columns: Column[];

  constructor(meta: EntityMetadata) {
    this.table = meta.tableName;
    this.columns = meta.props
      .filter(isStoredColumn)
      .map((prop) => ({ name: prop.fieldNames[0] as Column['name'], type: prop.columnTypes[0]!, field: prop.name }));
    this.copy = `copy "${this.table}" (${this.columns.map((c) => `"${c.name}"`).join(', ')}) from stdin`;
  }

  /**
   * The stored movies of these keys, locked until the import ends (as ON CONFLICT DO UPDATE
   * locked them), each as its whole row in JSON (so no type parser is involved; the mapper
   * reads it: storedMovie) with the key's position.
   */
  find(movies: readonly Movie[]): Statement {
    return { ...this.lookup(movies, 'k.n::int as n, row_to_json(m)::text as stored', 'for update of m'), name: 'marquee_import_find' };
  }

  /** Which of these keys are stored (their positions), unlocked: the probe outside the import's transaction. */
  probe(movies: readonly Movie[]): Statement {
    return { ...this.lookup(movies, 'k.n::int as n', ''), name: 'marquee_import_probe' };
  }

  // Named (planned once per connection): planning took about 1.8 ms of the 6 ms a batch's lookup costs.
  private lookup(movies: readonly Movie[], columns: string, lock: string): Statement {
    const sql = `select ${columns}
from unnest($1::text[], $2::text[], $3::date[]) with ordinality as k(title, director, release_date, n)
join "${this.table}" m on ${NATURAL_KEY.replace(/"(\w+)"/g, 'm."$1"')} = (lower(k.title), lower(coalesce(k.director, '')), coalesce(k.release_date, '0001-01-01'::date))
${lock}`;
    return { sql, parameters: [movies.map((m) => m.title), movies.map((m) => m.director), movies.map((m) => m.releaseDate)] };
  }

  /** The rows of new movies in COPY's text format, for `copy`. */
  copyRows(movies: readonly Movie[]): string {
    return copyText(movies.map((movie) => this.values(movie)));
  }

  /** The same rows as one INSERT (PGlite has no COPY FROM STDIN here), ids in batch order. */
  insert(movies: readonly Movie[]): Statement {
    const names = this.columns.map((c) => `"${c.name}"`).join(', ');
    const sql = `insert into "${this.table}" (${names})
select ${this.columns.map(castBack).join(', ')}
from unnest(${this.columns.map(unnested).join(', ')}) with ordinality as r(${names}, n)
order by r.n`;
    return { sql, parameters: this.parameters(movies) };
  }

  /** Overwrites what an import sets (IMPORT_OVERWRITES) and moves each version by its bump. */
  update(updates: readonly { movie: Movie; versionBump: number }[]): Statement {
    const set = this.columns.filter((c) => IMPORT_OVERWRITES.includes(c.field));
    const names = this.columns.map((c) => `"${c.name}"`).join(', ');
    const sql = `update "${this.table}" as m set ${set.map((c) => `"${c.name}" = ${castBack(c)}`).join(', ')}, "version" = m."version" + r.bump
from unnest(${this.columns.map(unnested).join(', ')}, $${this.columns.length + 1}::int[], $${this.columns.length + 2}::int[]) as r(${names}, id, bump)
where m.id = r.id`;
    const movies = updates.map((u) => u.movie);
    return { sql, parameters: [...this.parameters(movies), movies.map((m) => m.id), updates.map((u) => u.versionBump)] };
  }

  private values(movie: Movie): unknown[] {
    const row = movieMapper.toRow(movie);
    return this.columns.map(({ name }) => row[name]);
  }

  private parameters(movies: readonly Movie[]): unknown[][] {
    const rows = movies.map((movie) => movieMapper.toRow(movie));
    return this.columns.map(({ name, type }) => rows.map((row) => (isArray(type) ? arrayLiteral(row[name] as string[]) : row[name])));
  }
}

/** A row `find` answers, through the one mapper (JSON has dates and instants as ISO text, as the driver would). */
export const storedMovie = (json: string): Movie => movieMapper.toDomain(JSON.parse(json) as MovieRow);

const isArray = (type: string) => type.endsWith('[]');
const isStoredColumn = (prop: EntityProperty) => prop.persist !== false && !prop.primary && prop.kind === 'scalar';
const castBack = (column: Column) => (isArray(column.type) ? `r."${column.name}"::${column.type}` : `r."${column.name}"`);
// Element types without modifiers: a cast to varchar(200) would cut a longer text short instead of failing.
const unnested = (column: Column, i: number) => `$${i + 1}::${isArray(column.type) ? 'text' : column.type.replace(/\(.*\)/, '')}[]`;
