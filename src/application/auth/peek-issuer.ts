/**
 * The `iss` of a JWT-shaped string WITHOUT verifying anything, only to choose which
 * verifier checks it; each verifier then checks issuer, algorithm and signature itself.
 * Undefined for anything that is not a JWT with a string `iss`; never throws.
 */
export function peekIssuer(token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined || parts[1].length > 8192) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    const iss = (payload as { iss?: unknown } | null)?.iss;
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}
