/*
 * Ajv coerces query and path text to numbers as JavaScript does: "0x10" is 16, "15e0" is 15,
 * "Infinity" and "1e309" are Infinity. An id or a count is written in decimal digits, so the
 * text of every integer or number parameter is checked before Ajv coerces it.
 */
const DECIMAL_INTEGER = /^-?(0|[1-9][0-9]{0,15})$/;
const DECIMAL_NUMBER = /^-?(0|[1-9][0-9]{0,15})(\.[0-9]{1,15})?$/;

const SHAPES = {
  integer: { pattern: DECIMAL_INTEGER, says: 'must be an integer of at most 16 decimal digits (no +, exponent, hex or spaces)' },
  number: { pattern: DECIMAL_NUMBER, says: 'must be a decimal number such as 7 or 7.5 (no exponent, Infinity or hex)' },
} as const;

type Shape = keyof typeof SHAPES;

interface TextPartSchema {
  properties?: Record<string, { type?: unknown }>;
}

/** An Ajv-like error, so the error handler words it like every other validation problem. */
export interface TextProblem {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, never>;
  message: string;
}

/** The parameters of a querystring/params schema whose values must be decimal text. */
export function numericParameters(schema: unknown): Map<string, Shape> {
  const shapes = new Map<string, Shape>();
  const properties = (schema as TextPartSchema | undefined)?.properties ?? {};
  for (const [name, property] of Object.entries(properties)) {
    if (property.type === 'integer' || property.type === 'number') shapes.set(name, property.type);
  }
  return shapes;
}

/** Problems of the raw text values (arrays are left to Ajv, which refuses them for scalars). */
export function looseNumbers(data: unknown, shapes: Map<string, Shape>): TextProblem[] {
  if (typeof data !== 'object' || data === null) return [];
  const problems: TextProblem[] = [];
  for (const [name, shape] of shapes) {
    const value = Object.hasOwn(data, name) ? (data as Record<string, unknown>)[name] : undefined;
    if (typeof value !== 'string' || SHAPES[shape].pattern.test(value)) continue;
    const path = `/${name}`;
    problems.push({ instancePath: path, schemaPath: `#/properties/${name}`, keyword: 'format', params: {}, message: SHAPES[shape].says });
  }
  return problems;
}
