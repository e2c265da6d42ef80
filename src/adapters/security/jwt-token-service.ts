import { createSigner, createVerifier } from 'fast-jwt';
import type { Clock } from '../../application/ports/clock.ts';
import type { AccessTokenClaims, AccessTokenSubject, IssuedAccessToken, TokenService } from '../../application/ports/token-service.ts';
import { invalidToken } from '../../domain/auth-errors.ts';
import { asInvalidToken } from './as-invalid-token.ts';
import { endOfSecond, stringList } from './jwt-claims.ts';
import { SystemClock } from './system-clock.ts';

export interface JwtTokenServiceOptions {
  secret: string | Buffer; // JWT_SECRET, at least 32 bytes
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number; // ACCESS_TOKEN_TTL
  clock?: Clock;
}

type Payload = Record<string, unknown>;
type Verify = (token: string) => Payload;

/** Own access tokens: HS256 JWTs signed and verified by fast-jwt, the engine of @fastify/jwt. */
export class JwtTokenService implements TokenService {
  readonly issuer: string;
  private readonly audience: string;
  private readonly ttl: number;
  private readonly clock: Clock;
  private readonly sign: (payload: Payload) => string;
  private readonly verifierFor: (clockTimestamp: number) => Verify;
  private verifier: { at: number; verify: Verify } | undefined;

  constructor(options: JwtTokenServiceOptions) {
    const key = Buffer.from(options.secret);
    if (key.length < 32) throw new Error('JWT_SECRET must be at least 32 bytes');
    this.issuer = options.issuer;
    this.audience = options.audience;
    this.ttl = options.accessTokenTtlSeconds;
    this.clock = options.clock ?? new SystemClock();
    this.sign = createSigner({ key, algorithm: 'HS256' });
    const rules = { key, algorithms: ['HS256' as const], allowedIss: options.issuer, allowedAud: options.audience };
    const requiredClaims = ['iss', 'aud', 'exp', 'iat', 'sub'];
    this.verifierFor = (clockTimestamp) => createVerifier({ ...rules, requiredClaims, clockTimestamp }) as Verify;
  }

  async issueAccessToken(s: AccessTokenSubject): Promise<IssuedAccessToken> {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const { userId, name, username, sessionId: sid, permissions } = s;
    const claims = { sub: String(userId), user_id: userId, name, username, sid, permissions, iss: this.issuer, aud: this.audience, iat };
    return { token: this.sign({ ...claims, exp: iat + this.ttl }), expiresIn: this.ttl };
  }

  verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    return asInvalidToken(() => ownClaims(this.currentVerifier()(token), this.issuer));
  }

  /** fast-jwt fixes its clock when a verifier is made, so one is made per second of the injected clock. */
  private currentVerifier(): Verify {
    const at = endOfSecond(this.clock.now());
    if (this.verifier?.at !== at) this.verifier = { at, verify: this.verifierFor(at) };
    return this.verifier.verify;
  }
}

/** Marquee's own claims, beyond the registered ones fast-jwt has checked (exp, aud and iss are there and valid). */
function ownClaims(p: Payload, iss: string): AccessTokenClaims {
  const { sub, user_id: userId, sid: sessionId, name, username, iat } = p;
  if (!Number.isSafeInteger(userId) || sub !== String(userId)) throw invalidToken('user_id does not match sub');
  if (typeof sessionId !== 'string' || typeof name !== 'string' || typeof username !== 'string') throw invalidToken('claims are missing');
  if (typeof iat !== 'number') throw invalidToken('iat is invalid');
  const registered = { iss, aud: p.aud as string | string[], iat, exp: p.exp as number };
  return {
    sub: String(userId),
    userId: userId as number,
    name,
    username,
    sessionId,
    permissions: stringList(p.permissions),
    ...registered,
  };
}
