import { invalidToken } from '../../domain/auth-errors.ts';

/** A JWT split and parsed, nothing verified yet. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

const MAX_TOKEN_LENGTH = 8192;
const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** Parses the compact form strictly: three non-empty base64url segments, two JSON objects. */
export function decodeJwt(token: string): DecodedJwt {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw invalidToken();
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => SEGMENT.test(p))) throw invalidToken('the token is not a signed JWT');
  const [header, payload, signature] = parts as [string, string, string];
  return {
    header: jsonObject(header),
    payload: jsonObject(payload),
    signingInput: `${header}.${payload}`,
    signature: Buffer.from(signature, 'base64url'),
  };
}

/** Exactly one algorithm per issuer; `none`, `None`, other HMAC sizes, RS/PS/ES all fail here. */
export function requireAlgorithm(header: Record<string, unknown>, alg: 'HS256' | 'RS256'): void {
  if (header.alg !== alg) throw invalidToken('the token algorithm is not accepted');
  if (header.crit !== undefined) throw invalidToken('critical header extensions are not supported');
}

export interface ClaimRules {
  issuer: string;
  audience: string;
  nowSeconds: number;
  leewaySeconds: number;
  requireIat: boolean;
}

/** iss and aud pinned exactly; exp required and numeric; nbf/iat numeric when present; sub required. */
export function checkRegisteredClaims(payload: Record<string, unknown>, rules: ClaimRules): void {
  const { nowSeconds: now, leewaySeconds: leeway } = rules;
  if (payload.iss !== rules.issuer) throw invalidToken('wrong issuer');
  if (!audienceMatches(payload.aud, rules.audience)) throw invalidToken('wrong audience');
  if (!isNumber(payload.exp)) throw invalidToken('exp is missing');
  if (payload.exp <= now - leeway) throw invalidToken('the token has expired');
  if (payload.nbf !== undefined && (!isNumber(payload.nbf) || payload.nbf > now + leeway)) throw invalidToken('the token is not valid yet');
  if (rules.requireIat ? !isNumber(payload.iat) : payload.iat !== undefined && !isNumber(payload.iat)) throw invalidToken('iat is invalid');
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw invalidToken('sub is missing');
}

export function stringList(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw invalidToken('permissions must be a list of strings');
  return value;
}

function audienceMatches(aud: unknown, audience: string): boolean {
  if (typeof aud === 'string') return aud === audience;
  return Array.isArray(aud) && aud.includes(audience);
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function jsonObject(segment: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw invalidToken('the token is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidToken('the token is not a JSON object');
  return value as Record<string, unknown>;
}
