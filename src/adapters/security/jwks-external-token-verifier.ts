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
  refetchIntervalMs?: number; // a kid never seen may cause a fetch at most this often; default one minute
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
  private readonly knownKids = new Set<string>();
  private lastUnknownKidFetch = Number.NEGATIVE_INFINITY;

  constructor({ jwksUrl, ...options }: JwksVerifierOptions) {
    this.issuer = options.issuer;
    this.options = { refetchIntervalMs: 60_000, timeoutMs: 5_000, clock: new SystemClock(), ...options };
    const url = new URL(jwksUrl);
    this.keySource = `${url.origin}/`;
    const jwksPath = `${url.pathname}${url.search}`;
    this.jwks = buildGetJwks({ issuersWhitelist: [this.keySource], jwksPath, ttl: 10 * 60_000, fetchOptions: { redirect: 'error' } });
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
    const kid = header.kid;
    if (typeof kid !== 'string') throw invalidToken('kid is missing');
    if (!this.mayFetch(kid)) throw invalidToken('unknown key id');
    const key = await within(this.options.timeoutMs, this.jwks.getPublicKey({ domain: this.keySource, alg: 'RS256', kid })).catch(
      (error: unknown) => {
        throw (error as { code?: string }).code === 'JWK_NOT_FOUND' ? invalidToken('unknown key id') : keysUnavailable();
      },
    );
    this.knownKids.add(kid);
    return key;
  }

  /** Known or in-flight kids pass; a kid never seen causes a fetch at most once per interval. */
  private mayFetch(kid: string): boolean {
    if (this.knownKids.has(kid) || this.jwks.cache.get(this.jwks.generateCacheKey('RS256', kid, this.keySource))) return true;
    const now = this.options.clock.now().getTime();
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
