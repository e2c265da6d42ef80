import { createVerifier } from 'fast-jwt';
import buildGetJwks from 'get-jwks';
import type { Clock } from '../../application/ports/clock.ts';
import type { ExternalIdentity, ExternalTokenVerifier } from '../../application/ports/external-token-verifier.ts';
import { invalidToken } from '../../domain/auth-errors.ts';
import { DomainError } from '../../domain/errors.ts';
import { asInvalidToken } from './as-invalid-token.ts';
import { endOfSecond, stringList } from './jwt-claims.ts';
import { SystemClock } from './system-clock.ts';

export interface JwksVerifierOptions {
  issuer: string; // AUTH_ISSUER, compared exactly (Auth0's ends with a slash)
  audience: string; // AUTH_AUDIENCE
  jwksUrl: string; // AUTH_JWKS_URL: the only place keys come from
  clock?: Clock;
  refetchIntervalMs?: number; // a kid is looked up at most this often (all unknown kids together); default one minute
  keyTtlMs?: number; // how long get-jwks keeps a key before looking it up again; default 10 minutes
  timeoutMs?: number;
}

type DecodedJwt = { header: Record<string, unknown>; payload: unknown };
type GetJwks = buildGetJwks.GetJwks;

const keysUnavailable = () => new DomainError('unavailable', 'AUTH_KEYS_UNAVAILABLE', 'the token issuer keys cannot be fetched');

/** RS256 tokens of one external issuer, verified by fast-jwt with keys that get-jwks fetches and caches by `kid`. */
export class JwksExternalTokenVerifier implements ExternalTokenVerifier {
  readonly issuer: string;
  private readonly options: Required<Omit<JwksVerifierOptions, 'clock' | 'jwksUrl'>> & { clock: Clock };
  private readonly jwks: GetJwks;
  private readonly keySource: string; // get-jwks "domain": the JWKS URL's origin, its only allowed one
  private readonly known = new Map<string, { pem: string; lookedUpAt: number }>(); // each kid's last key
  private lastUnknownKidFetch = Number.NEGATIVE_INFINITY;

  constructor({ jwksUrl, ...options }: JwksVerifierOptions) {
    this.issuer = options.issuer;
    this.options = { refetchIntervalMs: 60_000, keyTtlMs: 10 * 60_000, timeoutMs: 5_000, clock: new SystemClock(), ...options };
    const url = new URL(jwksUrl);
    this.keySource = `${url.origin}/`;
    const jwksPath = `${url.pathname}${url.search}`;
    const ttl = this.options.keyTtlMs;
    this.jwks = buildGetJwks({ issuersWhitelist: [this.keySource], jwksPath, ttl, fetchOptions: { redirect: 'error' } });
  }

  verify(token: string): Promise<ExternalIdentity> {
    return asInvalidToken(() => this.check(token));
  }

  private async check(token: string): Promise<ExternalIdentity> {
    const verify = createVerifier({
      key: (decoded: DecodedJwt) => this.keyFor(decoded),
      algorithms: ['RS256'],
      allowedIss: this.issuer,
      allowedAud: this.options.audience,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: 30_000,
      clockTimestamp: endOfSecond(this.options.clock.now()),
    });
    const payload = (await verify(token)) as Record<string, unknown>;
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw invalidToken('sub is missing');
    return { subject: payload.sub, permissions: stringList(payload.permissions) };
  }

  /** Algorithm and issuer are checked before any fetch, so a forged token never makes us call out. */
  private async keyFor({ header, payload }: DecodedJwt): Promise<string> {
    if (header.alg !== 'RS256' || header.crit !== undefined) throw invalidToken('the token algorithm is not accepted');
    if ((payload as { iss?: unknown }).iss !== this.issuer) throw invalidToken('wrong issuer');
    if (typeof header.kid !== 'string') throw invalidToken('kid is missing');
    return this.lookUp(header.kid, this.options.clock.now().getTime());
  }

  /**
   * get-jwks's cache first. Past it, a kid is looked up at most once per interval (all never
   * seen kids share one budget); in between, and while the issuer is unreachable, the key
   * last fetched for the kid serves. A kid the issuer no longer lists is refused.
   */
  private async lookUp(kid: string, now: number): Promise<string> {
    const known = this.known.get(kid);
    const cacheKey = this.jwks.generateCacheKey('RS256', kid, this.keySource);
    const cached = this.jwks.cache.get(cacheKey) !== undefined;
    if (!cached && known && now - known.lookedUpAt < this.options.refetchIntervalMs) return known.pem;
    if (!cached && !known && !this.mayLookUpUnknownKid(now)) throw invalidToken('unknown key id');
    // get-jwks would answer a failed lookup with its stale copy even when the kid is gone from the set.
    if (!cached) this.jwks.staleCache.delete(cacheKey);
    try {
      const pem = await within(this.options.timeoutMs, this.jwks.getPublicKey({ domain: this.keySource, alg: 'RS256', kid }));
      if (!cached || !known) this.known.set(kid, { pem, lookedUpAt: now });
      return pem;
    } catch (error) {
      const gone = (error as { code?: string }).code === 'JWK_NOT_FOUND';
      if (gone) this.known.delete(kid);
      if (gone || !known) throw gone ? invalidToken('unknown key id') : keysUnavailable();
      this.known.set(kid, { ...known, lookedUpAt: now });
      return known.pem;
    }
  }

  private mayLookUpUnknownKid(now: number): boolean {
    if (now - this.lastUnknownKidFetch < this.options.refetchIntervalMs) return false;
    this.lastUnknownKidFetch = now;
    return true;
  }
}

/** get-jwks passes no deadline to fetch (its `timeout` option is not a fetch option): the answer gets one here. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(keysUnavailable()), ms)));
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
