import type { SourcePosition } from '../../domain/import-errors.ts';

/** Follows 1-based line and column (in UTF-16 units) through text as it streams past. */
export class TextPosition {
  line = 1;
  column = 1;

  advance(char: number): void {
    if (char === 10) {
      this.line++;
      this.column = 1;
    } else {
      this.column++;
    }
  }

  at(): SourcePosition {
    return { line: this.line, column: this.column };
  }

  /** The position `offset` characters into `text`, which starts at `start`. */
  static within(text: string, start: SourcePosition, offset: number): SourcePosition {
    const position = new TextPosition();
    position.line = start.line;
    position.column = start.column;
    for (let i = 0; i < Math.min(offset, text.length); i++) position.advance(text.charCodeAt(i));
    return position.at();
  }
}

/** V8's JSON.parse messages name a position for most errors ("… at position 9 …"). */
export function jsonErrorOffset(error: unknown): number | null {
  const match = error instanceof SyntaxError ? /at position (\d+)/.exec(error.message) : null;
  return match ? Number(match[1]) : null;
}

export function jsonErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `invalid JSON (${message.replace(/ \(line \d+ column \d+\)$/, '')})`;
}
