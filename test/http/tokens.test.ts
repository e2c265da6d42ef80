import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { JwksExternalTokenVerifier } from '../../src/adapters/security/jwks-external-token-verifier.ts';
import { JwtTokenService } from '../../src/adapters/security/jwt-token-service.ts';
import { hmacJwt, rsaJwt, unsignedJwt, withPayload } from '../unit/security/jwt-forge.ts';
import { buildAuthApp } from '../support/auth.ts';

/*
 * Every bad token through HTTP: each is a 401 with WWW-Authenticate: Bearer, never a 500.
 * Own tokens use a known secret; external ones a JWKS server this test starts and RS256
 * tokens it mints, so nothing depends on a token that expires.
 */

const SECRET = 'k'.repeat(40);
const ISSUER = 'https://casting.example.auth0.com/';
const AUDIENCE = 'casting-agency';
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' };

const jwks = createServer((_request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ keys: [jwk] }));
});
await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
t.teardown(() => jwks.close());
const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;

const tokens = new JwtTokenService({ secret: SECRET, issuer: 'marquee', audience: 'marquee-api', accessTokenTtlSeconds: 900 });
const external = new JwksExternalTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl });
const auth = await buildAuthApp({ identity: { tokens, external } });
t.teardown(() => auth.app.close());
const director = await auth.as('casting_director', 'dina');
const good = director.headers.authorization.slice('Bearer '.length);
const refresh = (await auth.login('dina')).refresh_token;
const now = Math.floor(Date.now() / 1000);
const ownClaims = JSON.parse(Buffer.from(good.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
const extClaims = {
  iss: ISSUER,
  aud: AUDIENCE,
  sub: 'auth0|producer',
  iat: now,
  exp: now + 600,
  permissions: ['get:movies', 'post:movies', 'delete:movies'],
};
const rs = (payload: object, header: object = { alg: 'RS256', kid: 'k1', typ: 'JWT' }, key = rsa.privateKey) =>
  rsaJwt(header, payload, key);
const hs = (payload: object, header: object = { alg: 'HS256', typ: 'JWT' }, secret: string | Buffer = SECRET, hash = 'sha256') =>
  hmacJwt(header, payload, secret, hash);
const without = (claim: string) => Object.fromEntries(Object.entries(ownClaims).filter(([key]) => key !== claim));

const BAD_TOKENS: Record<string, string> = {
  'alg none': unsignedJwt({ alg: 'none', typ: 'JWT' }, ownClaims),
  'alg NONE': unsignedJwt({ alg: 'NONE', typ: 'JWT' }, ownClaims),
  'alg nOnE': unsignedJwt({ alg: 'nOnE', typ: 'JWT' }, ownClaims),
  HS384: hs(ownClaims, { alg: 'HS384', typ: 'JWT' }, SECRET, 'sha384'),
  'PS256 header': hs(ownClaims, { alg: 'PS256', typ: 'JWT' }),
  'HS256 signed with the RS public key (external issuer)': hs(
    extClaims,
    { alg: 'HS256', kid: 'k1' },
    rsa.publicKey.export({ type: 'spki', format: 'pem' }),
  ),
  expired: hs({ ...ownClaims, iat: now - 7200, exp: now - 3600 }),
  'not yet valid': hs({ ...ownClaims, nbf: now + 3600 }),
  'wrong issuer': hs({ ...ownClaims, iss: 'someone-else' }),
  'wrong audience': hs({ ...ownClaims, aud: 'other-api' }),
  'missing exp': hs(without('exp')),
  'missing aud': hs(without('aud')),
  'missing sub': hs(without('sub')),
  'exp as a string': hs({ ...ownClaims, exp: String(now + 600) }),
  'wrong key': hs(ownClaims, undefined, 'w'.repeat(40)),
  'tampered payload': withPayload(good, (p) => (p.permissions = ['manage:users'])),
  'tampered user id': withPayload(good, (p) => (p.user_id = 999)),
  garbage: 'garbage',
  'three dots of garbage': 'a.b.c',
  'non-JSON segments': `${Buffer.from('{').toString('base64url')}.${Buffer.from('[').toString('base64url')}.sig`,
  'a refresh token as access token': refresh,
  'external: expired': rs({ ...extClaims, exp: now - 3600 }),
  'external: wrong audience': rs({ ...extClaims, aud: 'marquee-api' }),
  'external: wrong issuer': rs({ ...extClaims, iss: 'https://evil.example/' }),
  'external: wrong key': rs(extClaims, undefined, otherRsa.privateKey),
  'external: unknown kid': rs(extClaims, { alg: 'RS256', kid: 'nope' }),
  'external: RS512 header': rs(extClaims, { alg: 'RS512', kid: 'k1' }),
  'external: missing exp': rs({ ...extClaims, exp: undefined }),
};

for (const [name, token] of Object.entries(BAD_TOKENS)) {
  t.test(`bad token → 401: ${name}`, async (t) => {
    const response = await auth.app.inject({ url: '/movies', headers: { authorization: `Bearer ${token}` } });
    t.equal(response.statusCode, 401);
    t.equal(response.headers['www-authenticate'], 'Bearer');
    t.match(response.json(), { success: false, error: 401, code: String });
  });
}

t.test('malformed Authorization headers are 401 too', async (t) => {
  for (const authorization of ['', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', `Token ${good}`, `Bearer ${good} extra`]) {
    const response = await auth.app.inject({ url: '/actors', headers: { authorization } });
    t.equal(response.statusCode, 401, JSON.stringify(authorization));
  }
  t.equal((await auth.app.inject({ url: '/actors', headers: { authorization: `bearer ${good}` } })).statusCode, 200, 'scheme ignores case');
});

t.test('external RS256 tokens: their permissions claim decides', async (t) => {
  const token = rs(extClaims);
  const headers = { authorization: `Bearer ${token}` };
  t.equal((await auth.app.inject({ url: '/movies', headers })).statusCode, 200);
  t.equal((await auth.app.inject({ method: 'POST', url: '/movies', payload: { title: 'Arrival' }, headers })).statusCode, 201);
  const refused = await auth.app.inject({ method: 'POST', url: '/actors', payload: { name: 'A', age: 1, gender: 'f' }, headers });
  t.equal(refused.statusCode, 403, 'no post:actors in the claim');
  const me = (await auth.app.inject({ url: '/auth/me', headers })).json();
  t.match(me, {
    success: true,
    user: null,
    subject: 'auth0|producer',
    external: true,
    permissions: ['get:movies', 'post:movies', 'delete:movies'],
  });
  const unknownPermission = rs({ ...extClaims, permissions: ['get:movies', 'launch:rockets'] });
  t.equal((await auth.app.inject({ url: '/movies', headers: { authorization: `Bearer ${unknownPermission}` } })).statusCode, 200);
  t.equal((await auth.app.inject({ url: '/users', headers })).statusCode, 403);
});

t.test('logout with an external token says it revoked nothing (409 EXTERNAL_SESSION); the token keeps working', async (t) => {
  const headers = { authorization: `Bearer ${rs(extClaims)}` };
  const out = await auth.app.inject({ method: 'POST', url: '/auth/logout', headers });
  t.equal(out.statusCode, 409);
  t.match(out.json(), { success: false, code: 'EXTERNAL_SESSION', message: /nothing was revoked/ });
  t.equal((await auth.app.inject({ url: '/movies', headers })).statusCode, 200, 'as the answer said');
});

t.test('the good own token still works', async (t) => {
  t.equal((await auth.app.inject({ url: '/movies', headers: director.headers })).statusCode, 200);
});
