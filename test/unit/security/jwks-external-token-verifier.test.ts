import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { JwksExternalTokenVerifier } from '../../../src/adapters/security/jwks-external-token-verifier.ts';
import { DomainError } from '../../../src/domain/errors.ts';
import { identityKit, ManualClock } from '../identity/support.ts';
import { hmacJwt, rsaJwt, unsignedJwt } from './jwt-forge.ts';

const ISSUER = 'https://casting.example.auth0.com/';
const AUDIENCE = 'casting-agency';
const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const first = rsa();
const later = rsa();
const stranger = rsa();

/** A JWKS endpoint on 127.0.0.1 whose key set the test changes, counting fetches. */
const jwks = { keys: [{ kid: 'k1', key: first.publicKey }] as { kid: string; key: KeyObject }[], fetches: 0, down: false };
const server = createServer((_req, res) => {
  jwks.fetches++;
  if (jwks.down) return void res.writeHead(503).end('down');
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ keys: jwks.keys.map(({ kid, key }) => ({ ...key.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' })) }));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
t.teardown(() => server.close());
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;

const clock = new ManualClock(new Date('2026-06-01T12:00:00Z'));
const now = () => Math.floor(clock.now().getTime() / 1000);
const claims = () => ({
  iss: ISSUER,
  aud: [AUDIENCE, `${ISSUER}userinfo`],
  sub: 'auth0|abc',
  iat: now(),
  exp: now() + 3600,
  permissions: ['get:movies', 'post:actors', 'fly:planes'],
});
const sign = (payload: object, kid = 'k1', key = first.privateKey) => rsaJwt({ alg: 'RS256', typ: 'JWT', kid }, payload, key);
const newVerifier = () => new JwksExternalTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: url, clock });

t.beforeEach(() => {
  jwks.keys = [{ kid: 'k1', key: first.publicKey }];
  jwks.fetches = 0;
  jwks.down = false;
});

t.test('a good RS256 token gives its subject and permissions; keys are cached', async (t) => {
  const verifier = newVerifier();
  t.same(await verifier.verify(sign(claims())), { subject: 'auth0|abc', permissions: ['get:movies', 'post:actors', 'fly:planes'] });
  await verifier.verify(sign(claims()));
  t.equal(jwks.fetches, 1);
});

const publicPem = first.publicKey.export({ format: 'pem', type: 'spki' });
const bad: [string, () => string][] = [
  ['HS256 signed with the RS public key', () => hmacJwt({ alg: 'HS256', kid: 'k1' }, claims(), publicPem)],
  ['alg none', () => unsignedJwt({ alg: 'none', kid: 'k1' }, claims())],
  ['PS256 header', () => rsaJwt({ alg: 'PS256', kid: 'k1' }, claims(), first.privateKey)],
  ['wrong issuer', () => sign({ ...claims(), iss: 'https://evil.example.com/' })],
  ['issuer without the trailing slash', () => sign({ ...claims(), iss: ISSUER.slice(0, -1) })],
  ['wrong audience', () => sign({ ...claims(), aud: 'other' })],
  ['expired', () => sign({ ...claims(), exp: now() - 60 })],
  ['not yet valid', () => sign({ ...claims(), nbf: now() + 3600 })],
  ['missing exp', () => sign({ ...claims(), exp: undefined })],
  ['missing sub', () => sign({ ...claims(), sub: undefined })],
  ['wrong key, known kid', () => sign(claims(), 'k1', stranger.privateKey)],
  ['no kid', () => rsaJwt({ alg: 'RS256' }, claims(), first.privateKey)],
  ['permissions not a list', () => sign({ ...claims(), permissions: 'all' })],
  ['garbage', () => 'garbage'],
];

for (const [name, token] of bad) {
  t.test(`refused: ${name}`, async (t) => {
    const error = await newVerifier()
      .verify(token())
      .then(
        () => null,
        (e: unknown) => e,
      );
    t.type(error, DomainError);
    t.match(error, { kind: 'unauthorized', code: 'INVALID_TOKEN' });
  });
}

t.test('the issuer is checked before any key is fetched', async (t) => {
  await t.rejects(newVerifier().verify(sign({ ...claims(), iss: 'https://evil.example.com/' }, 'unknown')), {
    name: 'DomainError',
    kind: 'unauthorized',
  });
  await t.rejects(newVerifier().verify(hmacJwt({ alg: 'HS256', kid: 'k1' }, claims(), publicPem)), {
    name: 'DomainError',
    kind: 'unauthorized',
  });
  t.equal(jwks.fetches, 0);
});

t.test('an unknown kid refetches at most once a minute', async (t) => {
  const verifier = newVerifier();
  await verifier.verify(sign(claims()));
  jwks.keys.push({ kid: 'k2', key: later.publicKey });
  const rotated = () => sign(claims(), 'k2', later.privateKey);
  await t.rejects(verifier.verify(sign(claims(), 'nope')), { code: 'INVALID_TOKEN' }, 'within the minute of the first fetch');
  await t.rejects(verifier.verify(rotated()), { code: 'INVALID_TOKEN' });
  t.equal(jwks.fetches, 1, 'no refetch yet');
  clock.advance(61);
  t.ok(await verifier.verify(rotated()), 'after the minute, the rotated key is fetched');
  t.equal(jwks.fetches, 2, 'one refetch after the minute');
  for (let i = 0; i < 20; i++) await verifier.verify(sign(claims(), `nope${i}`)).catch(() => undefined);
  t.equal(jwks.fetches, 2, 'a flood of unknown kids does not hammer the issuer');
  t.ok(await verifier.verify(sign(claims())), 'known keys keep working meanwhile');
  clock.advance(61);
  await t.rejects(verifier.verify(sign(claims(), 'nope')), { code: 'INVALID_TOKEN' });
  t.equal(jwks.fetches, 3, 'an unknown kid is looked up again after another minute');
});

t.test('concurrent first requests share one fetch', async (t) => {
  const verifier = newVerifier();
  await Promise.all(Array.from({ length: 10 }, () => verifier.verify(sign(claims()))));
  t.equal(jwks.fetches, 1);
});

t.test('an unreachable JWKS is a 503-kind error, not a crash', async (t) => {
  const verifier = new JwksExternalTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: 'http://127.0.0.1:1/jwks.json', clock });
  await t.rejects(verifier.verify(sign(claims())), { kind: 'unavailable', code: 'AUTH_KEYS_UNAVAILABLE' });
});

t.test('Authenticate routes by issuer: external permissions from the claim, own tokens still work', async (t) => {
  const kit = identityKit({ external: newVerifier() });
  const principal = await kit.authenticate.execute({ token: sign(claims()) });
  t.same(
    principal,
    { subject: 'auth0|abc', permissions: ['get:movies', 'post:actors'], external: true },
    'unknown permission names dropped',
  );
  const { pair } = await kit.userWithLogin('ada');
  t.match(await kit.authenticate.execute({ token: pair.accessToken }), { external: false, role: 'casting_assistant' });
  await t.rejects(kit.authenticate.execute({ token: hmacJwt({ alg: 'HS256', kid: 'k1' }, claims(), publicPem) }), {
    name: 'DomainError',
    kind: 'unauthorized',
  });
});

t.test('the issuer down when keys are due for refresh: known keys keep working, asked at most once a minute', async (t) => {
  const verifier = new JwksExternalTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: url, clock, keyTtlMs: 20 });
  await verifier.verify(sign(claims()));
  jwks.down = true;
  await new Promise((resolve) => setTimeout(resolve, 40)); // the key's time in get-jwks's cache is over
  clock.advance(61);
  for (let i = 0; i < 5; i++) t.ok(await verifier.verify(sign(claims())), `request ${i + 1} during the outage`);
  t.equal(jwks.fetches, 2, 'one refresh attempt, not one per request');
  clock.advance(61);
  t.ok(await verifier.verify(sign(claims())));
  t.equal(jwks.fetches, 3, 'the next attempt a minute later');
  await t.rejects(
    verifier.verify(sign(claims(), 'k2', later.privateKey)),
    { name: 'DomainError', message: /cannot be fetched/ },
    'an unknown kid cannot be looked up',
  );
});

t.test('a key the issuer no longer lists stops working at its next lookup', async (t) => {
  const verifier = new JwksExternalTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: url, clock, keyTtlMs: 20 });
  await verifier.verify(sign(claims()));
  jwks.keys = [{ kid: 'k2', key: later.publicKey }];
  await new Promise((resolve) => setTimeout(resolve, 40));
  clock.advance(61);
  await t.rejects(verifier.verify(sign(claims())), { name: 'DomainError', code: 'INVALID_TOKEN' }, 'k1 was withdrawn');
  t.ok(await verifier.verify(sign(claims(), 'k2', later.privateKey)), 'the new key works');
  await t.rejects(verifier.verify(sign(claims())), { name: 'DomainError', code: 'INVALID_TOKEN' }, 'k1 stays refused');
});
