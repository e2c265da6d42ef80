import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import type { Movie } from '../../../domain/movie.ts';
import { movieMapper, type MovieRow } from './movie-mapper.ts';
import { NATURAL_KEY } from './movie-entity.ts';

/** Imports hold this transaction-scoped advisory lock, so two overlapping files queue instead of deadlocking. */
export const IMPORT_LOCK_KEY = 0x4d51_494d; // "MQIM"

/** What an import sets on a movie it finds by natural key; every other column keeps its value. */
const IMPORTED_FIELDS = [
  'title',
  'release_date',
  'director',
  'genres',
  'popularity',
  'imdb_score',
] as const satisfies readonly (keyof MovieRow)[];
/** Set by an import that gives them (the shoot window, always both or neither), kept when it does not. */
const KEPT_WHEN_ABSENT = ['shoot_start', 'shoot_end'] as const satisfies readonly (keyof MovieRow)[];

type Column = { name: keyof Omit<MovieRow, 'id'>; type: string };

/**
 * The bulk upsert, the one hand-tuned statement of the movie aggregate (bench:import: a batch
 * of 1,000 rows is one statement with one bind parameter per column, whatever its size). Its
 * columns and their types come from MovieEntity's metadata, its values from the mapper, so a
 * column added to the entity is imported (and stored as null or its value) without an edit here.
 */
export class MovieUpsert {
  readonly sql: string;
  private readonly columns: Column[];

  constructor(meta: EntityMetadata) {
    this.columns = meta.props
      .filter(isStoredColumn)
      .map((prop) => ({ name: prop.fieldNames[0] as Column['name'], type: prop.columnTypes[0]! }));
    const version = meta.props.find((prop) => prop.version)?.fieldNames[0] ?? 'version';
    this.sql = upsertSql(meta.tableName, this.columns, version);
  }

  /**
   * One batch as column arrays for `unnest`. Array columns travel as PostgreSQL array
   * literals (`{"a","b"}`), cast back per row, because unnest of a two-dimensional array would flatten it.
   */
  parameters(movies: readonly Movie[]): unknown[][] {
    const rows = movies.map((movie) => movieMapper.toRow(movie));
    return this.columns.map(({ name, type }) => rows.map((row) => (isArray(type) ? arrayLiteral(row[name] as string[]) : row[name])));
  }
}

const isArray = (type: string) => type.endsWith('[]');
const isStoredColumn = (prop: EntityProperty) => prop.persist !== false && !prop.primary && prop.kind === 'scalar';

/** `{"Drama","Sci-Fi"}` with `"` and `\` escaped, so any genre text round-trips. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * Inserts new natural keys (ids in batch order: `order by n`), overwrites existing ones whose
 * imported fields differ (exact comparison, so a change of case counts), and skips identical
 * ones: those return no row, so unchanged = batch size − rows returned. `xmax = 0` marks a fresh insert.
 */
function upsertSql(table: string, columns: Column[], version: string): string {
  const names = columns.map((column) => `"${column.name}"`);
  // Element types without modifiers: a cast to varchar(200) would cut a longer text short instead of failing.
  const unnested = columns.map((column, i) => `$${i + 1}::${isArray(column.type) ? 'text' : column.type.replace(/\(.*\)/, '')}[]`);
  const values = columns.map((column) => (isArray(column.type) ? `r."${column.name}"::${column.type}` : `r."${column.name}"`));
  const imported = [
    ...IMPORTED_FIELDS.map((field) => ({ field: `"${field}"`, value: `excluded."${field}"` })),
    ...KEPT_WHEN_ABSENT.map((field) => ({ field: `"${field}"`, value: `coalesce(excluded."${field}", "${table}"."${field}")` })),
  ];
  const stored = imported.map(({ field }) => `"${table}".${field}`);
  return `insert into "${table}" (${names.join(', ')})
select ${values.join(', ')}
from unnest(${unnested.join(', ')}) with ordinality as r(${names.join(', ')}, n)
order by r.n
on conflict ${NATURAL_KEY}
do update set ${imported.map(({ field, value }) => `${field} = ${value}`).join(', ')}, "updated_at" = excluded."updated_at", "${version}" = "${table}"."${version}" + 1
where (${stored.join(', ')}) is distinct from (${imported.map(({ value }) => value).join(', ')})
returning (xmax = 0) as inserted`;
}
