/**
 * PostgreSQL's COPY text format, written by hand because it is small: one line per row,
 * columns separated by tabs, NULL as `\N`, and backslash, tab, newline and carriage return
 * escaped with a backslash (https://www.postgresql.org/docs/current/sql-copy.html, "Text Format").
 */

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SPECIAL = /[\\\t\n\r]/g;
const HAS_SPECIAL = /[\\\t\n\r]/; // no g flag: test() on a global regex remembers where it stopped

/** `{"Drama","Sci-Fi"}` with `"` and `\` escaped, so any genre text round-trips. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** One column value as COPY text: strings escaped, numbers as JavaScript writes them (exact for doubles), arrays as literals. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value)) return field(arrayLiteral(value as string[]));
  const text = String(value);
  return HAS_SPECIAL.test(text) ? text.replace(SPECIAL, (char) => ESCAPES[char]!) : text;
}

/** Rows (values in column order) as the body of `COPY … FROM STDIN`. */
export function copyText(rows: readonly (readonly unknown[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(field).join('\t')}\n`;
  return text;
}
