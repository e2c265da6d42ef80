import AjvCompiler from '@fastify/ajv-compiler';
import { looseNumbers, numericParameters } from './strict-numbers.ts';

/**
 * Bodies are JSON, so their types are exactly what the client sent: no coercion, no silent
 * stripping of unknown fields (every body schema says additionalProperties: false).
 */
const BODY_OPTIONS = { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: true, strictNumbers: true } as const;

/**
 * Path parameters and query strings only ever arrive as text, so these — and only these —
 * are coerced to the types their schemas declare ("5" → 5; "abc" stays a 400). `verbose` lets
 * a failed pattern quote the parameter's description instead of the regular expression.
 */
const TEXT_PART_OPTIONS = {
  coerceTypes: true,
  removeAdditional: false,
  useDefaults: true,
  allErrors: true,
  verbose: true,
  strictNumbers: true, // 1e309 in a JSON body parses to Infinity: no number at all
} as const;

const strictPool = AjvCompiler();
const coercingPool = AjvCompiler();

/** One Ajv for bodies, another for the text parts of a request; Fastify asks per httpPart. */
export const buildValidator: AjvCompiler.BuildCompilerFromPool = (externalSchemas, ajvOptions) => {
  const plugins = ajvOptions?.plugins ?? [];
  const body = strictPool(externalSchemas, { customOptions: BODY_OPTIONS, plugins });
  const text = coercingPool(externalSchemas, { customOptions: TEXT_PART_OPTIONS, plugins });
  // The typings call the argument a schema; at run time it is Fastify's route definition.
  return (route) => ((route as { httpPart?: string }).httpPart === 'body' ? body(route) : decimalText(text(route), route));
};

type Validate = ReturnType<ReturnType<typeof strictPool>>;

/** The text part's validator, after a check that its numbers are written in decimal digits. */
function decimalText(validate: Validate, route: unknown): Validate {
  const shapes = numericParameters((route as { schema?: unknown }).schema);
  if (shapes.size === 0) return validate;
  // A library seam: a plain function stands in for Ajv's compiled validator, carrying only what Fastify reads
  // from one (errors, schemaEnv), so its type is asserted rather than built.
  const checked = ((data: unknown, context?: unknown) => {
    const problems = looseNumbers(data, shapes);
    if (problems.length > 0) {
      checked.errors = problems;
      return false;
    }
    const valid = (validate as (data: unknown, context?: unknown) => boolean)(data, context);
    checked.errors = validate.errors; // Fastify reads the errors off the function it called
    return valid;
  }) as unknown as Validate & { errors?: unknown };
  // Fastify hands Ajv's functions the request as parent data (see its validateParam); so must we.
  Object.assign(checked, { schemaEnv: (validate as { schemaEnv?: unknown }).schemaEnv });
  return checked;
}
