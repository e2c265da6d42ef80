import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../application/ports/clock.ts';
import type { AccessTokenClaims, AccessTokenSubject, IssuedAccessToken, TokenService } from '../../application/ports/token-service.ts';
import { invalidToken } from '../../domain/auth-errors.ts';
import { asInvalidToken } from './as-invalid-token.ts';
import { checkRegisteredClaims, decodeJwt, requireAlgorithm, stringList } from './jwt-parts.ts';
import { SystemClock } from './system-clock.ts';

export interface JwtTokenServiceOptions {
  secret: string | Buffer; // JWT_SECRET, at least 32 bytes
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number; // ACCESS_TOKEN_TTL
  clock?: Clock;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** Own access tokens: HS256 JWTs via node:crypto, verified with every claim checked by hand. */
export class JwtTokenService implements TokenService {
  readonly issuer: string;
  private readonly audience: string;
  private readonly secret: Buffer;
  private readonly ttl: number;
  private readonly clock: Clock;

  constructor(options: JwtTokenServiceOptions) {
    this.secret = Buffer.from(options.secret);
    if (this.secret.length < 32) throw new Error('JWT_SECRET must be at least 32 bytes');
    this.issuer = options.issuer;
    this.audience = options.audience;
    this.ttl = options.accessTokenTtlSeconds;
    this.clock = options.clock ?? new SystemClock();
  }

  async issueAccessToken(s: AccessTokenSubject): Promise<IssuedAccessToken> {
    const iat = this.nowSeconds();
    const claims = {
      sub: String(s.userId),
      user_id: s.userId,
      name: s.name,
      username: s.username,
      sid: s.sessionId,
      permissions: s.permissions,
      iss: this.issuer,
      aud: this.audience,
      iat,
      exp: iat + this.ttl,
    };
    const signingInput = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return { token: `${signingInput}.${this.sign(signingInput).toString('base64url')}`, expiresIn: this.ttl };
  }

  verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    return asInvalidToken(() => this.verify(token));
  }

  private verify(token: string): AccessTokenClaims {
    const jwt = decodeJwt(token);
    requireAlgorithm(jwt.header, 'HS256');
    const expected = this.sign(jwt.signingInput);
    if (jwt.signature.length !== expected.length || !timingSafeEqual(jwt.signature, expected)) throw invalidToken('bad signature');
    const p = jwt.payload;
    checkRegisteredClaims(p, {
      issuer: this.issuer,
      audience: this.audience,
      nowSeconds: this.nowSeconds(),
      leewaySeconds: 0,
      requireIat: true,
    });
    if (!Number.isSafeInteger(p.user_id) || p.sub !== String(p.user_id)) throw invalidToken('user_id does not match sub');
    if (typeof p.sid !== 'string' || typeof p.name !== 'string' || typeof p.username !== 'string') throw invalidToken('claims are missing');
    return {
      sub: p.sub,
      userId: p.user_id as number,
      name: p.name,
      username: p.username,
      sessionId: p.sid,
      permissions: stringList(p.permissions),
      iss: this.issuer,
      aud: p.aud as string | string[],
      iat: p.iat as number,
      exp: p.exp as number,
    };
  }

  private sign(signingInput: string): Buffer {
    return createHmac('sha256', this.secret).update(signingInput).digest();
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}
