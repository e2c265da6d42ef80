import type { Static, TObject } from 'typebox';

/*
 * The wire spells a domain field in snake_case (`imdbScore` → `imdb_score`) and an instant as ISO
 * text; nothing else differs. So views and body mappings are derived from the names instead of
 * restating each field list, and `UnmatchedFields` lets tsc name a field that is on one side only.
 */

/** `imdbScore` → `imdb_score`, as a type. */
type SnakeCase<Name extends string> = Name extends `${infer First}${infer Rest}`
  ? `${First extends Lowercase<First> ? First : `_${Lowercase<First>}`}${SnakeCase<Rest>}`
  : Name;

/** `imdb_score` → `imdbScore`, as a type. */
type CamelCase<Name extends string> = Name extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : Name;

/** The wire names of a domain object's data fields (its methods left out). */
type WireNames<Domain> = {
  [K in keyof Domain]-?: K extends string ? (Domain[K] extends (...args: never[]) => unknown ? never : SnakeCase<K>) : never;
}[keyof Domain];

/** The fields on one side only, by their wire names: `never` when both carry the same fields. */
export type UnmatchedFields<Wire, Domain> = Exclude<keyof Wire, WireNames<Domain>> | Exclude<WireNames<Domain>, keyof Wire>;

/** Compiles only when `Fields` is `never`; otherwise tsc names the fields ('"tagline"' does not satisfy 'never'). */
export type NoFields<Fields extends never> = Fields;

/** What a view reads from the domain: each wire field by its camelCase name; an instant may be a Date. */
type ViewSource<Wire> = { [K in keyof Wire as CamelCase<K & string>]: Wire[K] extends string ? Wire[K] | Date : Wire[K] };

const toCamelCase = (name: string) => name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/** Domain object → its view, field by field as the schema lists them, instants as ISO text. */
export function wireView<Schema extends TObject>(schema: Schema): (value: ViewSource<Static<Schema>>) => Static<Schema> {
  const names = Object.keys(schema.properties).map((wire) => [wire, toCamelCase(wire)] as const);
  return (value) => {
    const fields = value as Record<string, unknown>;
    const view: Record<string, unknown> = {};
    for (const [wire, domain] of names) {
      const field = fields[domain];
      view[wire] = field instanceof Date ? field.toISOString() : field;
    }
    return view as Static<Schema>;
  };
}

/** A body's fields by the domain's (camelCase) names. */
type DomainFields<Body> = { [K in keyof Body as CamelCase<K & string>]: Body[K] };

/** Wire body → the domain's input; absent fields stay absent. The body passed its schema, so each field is a known one. */
export function domainFields<Body extends object>(body: Body): DomainFields<Body> {
  const entries = Object.entries(body).filter(([, value]) => value !== undefined);
  return Object.fromEntries(entries.map(([name, value]) => [toCamelCase(name), value])) as DomainFields<Body>;
}
