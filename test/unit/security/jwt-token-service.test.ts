import { generateKeyPairSync } from 'node:crypto';
import t from 'tap';
import { JwtTokenService } from '../../../src/adapters/security/jwt-token-service.ts';
import { DomainError } from '../../../src/domain/errors.ts';
import { ManualClock } from '../identity/support.ts';
import { hmacJwt, rsaJwt, unsignedJwt, withPayload } from './jwt-forge.ts';

const SECRET = 'a-test-secret-that-is-32-bytes!!';
const clock = new ManualClock(new Date('2026-06-01T12:00:00Z'));
const now = Math.floor(clock.now().getTime() / 1000);
const service = new JwtTokenService({ secret: SECRET, issuer: 'marquee', audience: 'marquee-api', accessTokenTtlSeconds: 900, clock });
const claims = {
  sub: '7',
  user_id: 7,
  name: 'Ada',
  username: 'ada',
  sid: 's-1',
  permissions: ['get:movies'],
  iss: 'marquee',
  aud: 'marquee-api',
  iat: now,
  exp: now + 900,
};
const hs = { alg: 'HS256', typ: 'JWT' };
const without = (key: keyof typeof claims) => Object.fromEntries(Object.entries(claims).filter(([k]) => k !== key));
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

t.test('a token it issued verifies, with every claim', async (t) => {
  const issued = await service.issueAccessToken({ userId: 7, name: 'Ada', username: 'ada', sessionId: 's-1', permissions: ['get:movies'] });
  t.equal(issued.expiresIn, 900);
  t.match(await service.verifyAccessToken(issued.token), {
    sub: '7',
    userId: 7,
    sessionId: 's-1',
    iss: 'marquee',
    aud: 'marquee-api',
    iat: now,
    exp: now + 900,
  });
  t.ok(await service.verifyAccessToken(hmacJwt(hs, claims, SECRET)), 'the forge helper makes valid tokens');
});

const bad: [string, string][] = [
  ['alg none', unsignedJwt({ alg: 'none' }, claims)],
  ['alg None', unsignedJwt({ alg: 'None' }, claims)],
  ['alg NONE with a signature', `${unsignedJwt({ alg: 'NONE' }, claims)}c2ln`],
  ['alg hs256 (lower case)', hmacJwt({ alg: 'hs256' }, claims, SECRET)],
  ['HS384', hmacJwt({ alg: 'HS384' }, claims, SECRET, 'sha384')],
  ['HS512', hmacJwt({ alg: 'HS512' }, claims, SECRET, 'sha512')],
  ['RS256', rsaJwt({ alg: 'RS256' }, claims, privateKey)],
  ['PS256 header', rsaJwt({ alg: 'PS256' }, claims, privateKey)],
  ['no alg', hmacJwt({ typ: 'JWT' }, claims, SECRET)],
  ['crit header', hmacJwt({ ...hs, crit: ['b64'] }, claims, SECRET)],
  ['wrong key', hmacJwt(hs, claims, 'another-secret-of-at-least-32-bytes')],
  ['expired', hmacJwt(hs, { ...claims, iat: now - 1000, exp: now - 1 }, SECRET)],
  ['expires this second', hmacJwt(hs, { ...claims, exp: now }, SECRET)],
  ['not yet valid (nbf)', hmacJwt(hs, { ...claims, nbf: now + 3600 }, SECRET)],
  ['nbf as a string', hmacJwt(hs, { ...claims, nbf: String(now) }, SECRET)],
  ['wrong issuer', hmacJwt(hs, { ...claims, iss: 'someone-else' }, SECRET)],
  ['wrong audience', hmacJwt(hs, { ...claims, aud: 'other-api' }, SECRET)],
  ['audience list without ours', hmacJwt(hs, { ...claims, aud: ['a', 'b'] }, SECRET)],
  ['missing exp', hmacJwt(hs, without('exp'), SECRET)],
  ['missing aud', hmacJwt(hs, without('aud'), SECRET)],
  ['missing sub', hmacJwt(hs, without('sub'), SECRET)],
  ['missing iss', hmacJwt(hs, without('iss'), SECRET)],
  ['missing iat', hmacJwt(hs, without('iat'), SECRET)],
  ['missing sid', hmacJwt(hs, without('sid'), SECRET)],
  ['missing user_id', hmacJwt(hs, without('user_id'), SECRET)],
  ['sub not matching user_id', hmacJwt(hs, { ...claims, sub: '8' }, SECRET)],
  ['exp as a string', hmacJwt(hs, { ...claims, exp: String(now + 900) }, SECRET)],
  ['exp null', hmacJwt(hs, { ...claims, exp: null }, SECRET)],
  ['permissions not a list', hmacJwt(hs, { ...claims, permissions: 'admin' }, SECRET)],
  ['tampered payload', withPayload(hmacJwt(hs, claims, SECRET), (p) => (p.user_id = 1))],
  ['payload is an array', hmacJwt(hs, [claims], SECRET)],
  ['payload is null', hmacJwt(hs, null as unknown as object, SECRET)],
  ['header not JSON', `bm90IGpzb24.${hmacJwt(hs, claims, SECRET).split('.').slice(1).join('.')}`],
  ['garbage', 'garbage'],
  ['empty', ''],
  ['four segments', `${hmacJwt(hs, claims, SECRET)}.x`],
  ['bad base64 characters', 'a+b.c/d.e=f'],
  ['huge token', `${'a'.repeat(9000)}.b.c`],
  ['an opaque refresh token', 'yH3q8kVv3l1Z6Zb6z8m8Jk2l9Q0s1t2u3v4w5x6y7z8'],
];

for (const [name, token] of bad) {
  t.test(`refused: ${name}`, async (t) => {
    const error = await service.verifyAccessToken(token).then(
      () => null,
      (e: unknown) => e,
    );
    t.type(error, DomainError, 'a DomainError, nothing else');
    t.match(error, { kind: 'unauthorized', code: 'INVALID_TOKEN' });
  });
}

t.test('a non-string token is refused, not crashed on', async (t) => {
  await t.rejects(service.verifyAccessToken(42 as unknown as string), { name: 'DomainError', kind: 'unauthorized' });
});

t.test('a secret shorter than 32 bytes is refused at construction', async (t) => {
  t.throws(() => new JwtTokenService({ secret: 'short', issuer: 'i', audience: 'a', accessTokenTtlSeconds: 60 }), /32 bytes/);
});

t.test('an audience list containing ours is accepted', async (t) => {
  t.ok(await service.verifyAccessToken(hmacJwt(hs, { ...claims, aud: ['x', 'marquee-api'] }, SECRET)));
});
