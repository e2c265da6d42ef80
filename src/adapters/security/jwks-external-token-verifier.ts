import { createPublicKey, verify as verifySignature, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { Clock } from '../../application/ports/clock.ts';
import type { ExternalIdentity, ExternalTokenVerifier } from '../../application/ports/external-token-verifier.ts';
import { invalidToken } from '../../domain/auth-errors.ts';
import { DomainError } from '../../domain/errors.ts';
import { asInvalidToken } from './as-invalid-token.ts';
import { checkRegisteredClaims, decodeJwt, requireAlgorithm, stringList } from './jwt-parts.ts';
import { SystemClock } from './system-clock.ts';

export interface JwksVerifierOptions {
  issuer: string; // AUTH_ISSUER, compared exactly (Auth0's ends with a slash)
  audience: string; // AUTH_AUDIENCE
  jwksUrl: string; // AUTH_JWKS_URL: the only place keys come from
  clock?: Clock;
  fetch?: typeof fetch;
  refetchIntervalMs?: number; // an unknown kid refetches at most this often; default one minute
  timeoutMs?: number;
}

const keysUnavailable = () => new DomainError('unavailable', 'AUTH_KEYS_UNAVAILABLE', 'the token issuer keys cannot be fetched');

/** RS256 tokens of one external issuer, keys from its JWKS, cached by `kid`. */
export class JwksExternalTokenVerifier implements ExternalTokenVerifier {
  readonly issuer: string;
  private readonly options: Required<Omit<JwksVerifierOptions, 'clock'>> & { clock: Clock };
  private keys = new Map<string, KeyObject>();
  private lastFetch = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | null = null;

  constructor(options: JwksVerifierOptions) {
    this.issuer = options.issuer;
    this.options = { fetch: globalThis.fetch, refetchIntervalMs: 60_000, timeoutMs: 5_000, clock: new SystemClock(), ...options };
  }

  verify(token: string): Promise<ExternalIdentity> {
    return asInvalidToken(() => this.check(token));
  }

  private async check(token: string): Promise<ExternalIdentity> {
    const jwt = decodeJwt(token);
    requireAlgorithm(jwt.header, 'RS256');
    if (jwt.payload.iss !== this.issuer) throw invalidToken('wrong issuer'); // before any key fetch
    if (typeof jwt.header.kid !== 'string') throw invalidToken('kid is missing');
    const key = await this.keyFor(jwt.header.kid);
    if (!verifySignature('RSA-SHA256', Buffer.from(jwt.signingInput), key, jwt.signature)) throw invalidToken('bad signature');
    const nowSeconds = Math.floor(this.options.clock.now().getTime() / 1000);
    checkRegisteredClaims(jwt.payload, {
      issuer: this.issuer,
      audience: this.options.audience,
      nowSeconds,
      leewaySeconds: 30,
      requireIat: false,
    });
    return { subject: jwt.payload.sub as string, permissions: stringList(jwt.payload.permissions) };
  }

  private async keyFor(kid: string): Promise<KeyObject> {
    const cached = this.keys.get(kid);
    if (cached) return cached;
    if (this.inFlight)
      await this.inFlight; // a fetch already under way may bring this kid
    else if (this.options.clock.now().getTime() - this.lastFetch >= this.options.refetchIntervalMs) await this.refresh();
    const fetched = this.keys.get(kid);
    if (!fetched) throw invalidToken('unknown key id');
    return fetched;
  }

  /** One fetch at a time; the time is noted first so failures are rate-limited too. */
  private refresh(): Promise<void> {
    this.lastFetch = this.options.clock.now().getTime();
    this.inFlight ??= this.fetchKeys().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async fetchKeys(): Promise<void> {
    let body: unknown;
    try {
      const response = await this.options.fetch(this.options.jwksUrl, {
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'error',
      });
      if (!response.ok) throw keysUnavailable();
      body = await response.json();
    } catch {
      throw keysUnavailable();
    }
    this.keys = usableKeys(body);
  }
}

/** RSA signing keys of at least 2048 bits with a kid; anything else in the set is ignored. */
function usableKeys(body: unknown): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const list = (body as { keys?: unknown } | null)?.keys;
  for (const jwk of Array.isArray(list) ? (list as JsonWebKey[]) : []) {
    if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || (jwk.use ?? 'sig') !== 'sig' || (jwk.alg ?? 'RS256') !== 'RS256') continue;
    try {
      const key = createPublicKey({ key: jwk, format: 'jwk' });
      if ((key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048) keys.set(jwk.kid, key);
    } catch {
      // a malformed key in the set must not hide the good ones
    }
  }
  return keys;
}
