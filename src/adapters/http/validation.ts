import AjvCompiler from '@fastify/ajv-compiler';

/**
 * Bodies are JSON, so their types are exactly what the client sent: no coercion, no silent
 * stripping of unknown fields (every body schema says additionalProperties: false).
 */
const BODY_OPTIONS = { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: true } as const;

/**
 * Path parameters and query strings only ever arrive as text, so these — and only these —
 * are coerced to the types their schemas declare ("5" → 5; "abc" stays a 400). `verbose` lets
 * a failed pattern quote the parameter's description instead of the regular expression.
 */
const TEXT_PART_OPTIONS = { coerceTypes: true, removeAdditional: false, useDefaults: true, allErrors: true, verbose: true } as const;

const strictPool = AjvCompiler();
const coercingPool = AjvCompiler();

/** One Ajv for bodies, another for the text parts of a request; Fastify asks per httpPart. */
export const buildValidator: AjvCompiler.BuildCompilerFromPool = (externalSchemas, ajvOptions) => {
  const plugins = ajvOptions?.plugins ?? [];
  const body = strictPool(externalSchemas, { customOptions: BODY_OPTIONS, plugins });
  const text = coercingPool(externalSchemas, { customOptions: TEXT_PART_OPTIONS, plugins });
  // The typings call the argument a schema; at run time it is Fastify's route definition.
  return (route) => ((route as { httpPart?: string }).httpPart === 'body' ? body(route) : text(route));
};
