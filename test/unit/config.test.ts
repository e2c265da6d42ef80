import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { ConfigError, loadConfig } from '../../src/infrastructure/config.ts';

const SECRET = 'x'.repeat(32);
const tempDir = () => mkdtempSync(join(tmpdir(), 'marquee-config-'));
const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: tempDir(), JWT_SECRET: SECRET, ...env });

/** The one-line error a bad value gives, or a failed test if it did not throw. */
function errorFor(t: Test, env: Record<string, string>): string {
  try {
    load(env);
  } catch (error) {
    t.ok(error instanceof ConfigError, 'a ConfigError');
    t.notMatch((error as Error).message, /\n/, 'on one line');
    return (error as Error).message;
  }
  t.fail(`accepted ${JSON.stringify(env)}`);
  return '';
}

t.test("defaults follow the README's Configuration table", async (t) => {
  const config = load({});
  t.match(config, {
    production: false,
    port: 3000,
    host: '127.0.0.1',
    databaseUrl: undefined,
    migrateOnStart: true,
    jwtSecret: SECRET,
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 30 * 86_400,
    externalAuth: undefined,
    admin: undefined,
    registration: 'open',
    demoData: false,
    corsOrigins: [],
    importMaxBytes: 100 * 1024 * 1024,
    importMaxRows: 1_000_000,
    importStaleAfterMs: 60_000,
    importJobRetentionSeconds: 30 * 86_400,
    redisUrl: undefined,
    rateLimitStoreFailure: 'open',
    trustProxy: [],
    logLevel: 'info',
  });
  t.equal(loadConfig({ JWT_SECRET: SECRET }).dataDir, join(process.cwd(), 'data'), 'DATA_DIR defaults to ./data');
});

t.test('parses every variable', async (t) => {
  const config = load({
    PORT: '8080',
    HOST: '0.0.0.0',
    DATABASE_URL: 'postgresql://user:pw@db:5432/marquee',
    MIGRATE_ON_START: 'false',
    ACCESS_TOKEN_TTL: '3600s',
    REFRESH_TOKEN_TTL: '12h',
    AUTH_ISSUER: 'https://tenant.auth0.com/',
    AUTH_AUDIENCE: 'casting',
    AUTH_JWKS_URL: 'https://tenant.auth0.com/.well-known/jwks.json',
    ADMIN_USERNAME: 'root',
    ADMIN_PASSWORD: 'Secret123',
    REGISTRATION: 'closed',
    DEMO_DATA: 'true',
    CORS_ORIGINS: 'https://a.example.com, http://localhost:5173/',
    IMPORT_MAX_BYTES: '512kb',
    IMPORT_MAX_ROWS: '10',
    IMPORT_STALE_AFTER_MS: '5000',
    IMPORT_JOB_RETENTION: '7d',
    BODY_LIMIT: '2MB',
    REQUEST_TIMEOUT_MS: '5000',
    SHUTDOWN_TIMEOUT_MS: '2000',
    REDIS_URL: 'redis://127.0.0.1:6379',
    TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8, loopback',
    LOG_LEVEL: 'warn',
  });
  t.match(config, {
    port: 8080,
    host: '0.0.0.0',
    databaseUrl: 'postgresql://user:pw@db:5432/marquee',
    migrateOnStart: false,
    accessTokenTtlSeconds: 3600,
    refreshTokenTtlSeconds: 43_200,
    externalAuth: { issuer: 'https://tenant.auth0.com/', audience: 'casting', jwksUrl: 'https://tenant.auth0.com/.well-known/jwks.json' },
    admin: { username: 'root', password: 'Secret123' },
    registration: 'closed',
    demoData: true,
    corsOrigins: ['https://a.example.com', 'http://localhost:5173'],
    importMaxBytes: 512 * 1024,
    importMaxRows: 10,
    importStaleAfterMs: 5000,
    importJobRetentionSeconds: 7 * 86_400,
    bodyLimitBytes: 2 * 1024 * 1024,
    requestTimeoutMs: 5000,
    shutdownTimeoutMs: 2000,
    redisUrl: 'redis://127.0.0.1:6379',
    trustProxy: ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback'],
    logLevel: 'warn',
  });
  t.equal(load({ ACCESS_TOKEN_TTL: '15m' }).accessTokenTtlSeconds, 900, 'minutes');
  t.equal(load({ ACCESS_TOKEN_TTL: '60' }).accessTokenTtlSeconds, 60, 'bare seconds');
  t.equal(load({ IMPORT_MAX_BYTES: '1GB' }).importMaxBytes, 1024 ** 3, 'gigabytes');
  t.equal(load({ PORT: '' }).port, 3000, 'an empty value means the default');
});

const BAD_VALUES: [string, Record<string, string>, RegExp][] = [
  ['PORT not a number', { PORT: 'abc' }, /^Invalid configuration: PORT must be an integer from 1 to 65535/],
  ['PORT zero', { PORT: '0' }, /PORT must be an integer/],
  ['PORT too high', { PORT: '65536' }, /PORT must be an integer/],
  ['HOST with a space', { HOST: 'local host' }, /HOST must be a host name/],
  [
    'DATABASE_URL of another database',
    { DATABASE_URL: 'mysql://db/x' },
    /DATABASE_URL must be a URL starting with postgres:\/\/ or postgresql:\/\//,
  ],
  ['DATABASE_URL not a URL', { DATABASE_URL: 'nonsense' }, /DATABASE_URL must be a URL/],
  ['JWT_SECRET too short', { JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32 bytes/],
  ['ACCESS_TOKEN_TTL unit', { ACCESS_TOKEN_TTL: '15 minutes' }, /ACCESS_TOKEN_TTL must be a positive duration/],
  ['REFRESH_TOKEN_TTL zero', { REFRESH_TOKEN_TTL: '0d' }, /REFRESH_TOKEN_TTL must be a positive duration/],
  [
    'IMPORT_JOB_RETENTION unit',
    { IMPORT_JOB_RETENTION: '1 month' },
    /^Invalid configuration: IMPORT_JOB_RETENTION must be a positive duration/,
  ],
  ['IMPORT_JOB_RETENTION zero', { IMPORT_JOB_RETENTION: '0' }, /IMPORT_JOB_RETENTION must be a positive duration/],
  ['AUTH_ISSUER alone', { AUTH_ISSUER: 'https://x/' }, /AUTH_AUDIENCE must be set together with AUTH_ISSUER and AUTH_JWKS_URL/],
  ['AUTH_JWKS_URL missing', { AUTH_ISSUER: 'https://x/', AUTH_AUDIENCE: 'a' }, /AUTH_JWKS_URL must be set together/],
  ['AUTH_JWKS_URL not a URL', { AUTH_JWKS_URL: 'jwks.json' }, /AUTH_JWKS_URL must be a URL starting with https:\/\//],
  [
    'AUTH_JWKS_URL over plain http',
    { AUTH_JWKS_URL: 'http://tenant.auth0.com/.well-known/jwks.json' },
    /AUTH_JWKS_URL must be an https:\/\/ URL/,
  ],
  [
    'AUTH_JWKS_URL http to a look-alike host',
    { AUTH_JWKS_URL: 'http://127.0.0.1.evil.example/jwks.json' },
    /AUTH_JWKS_URL must be an https/,
  ],
  ['ADMIN_USERNAME alone', { ADMIN_USERNAME: 'root' }, /ADMIN_PASSWORD must be set together with ADMIN_USERNAME/],
  ['ADMIN_PASSWORD alone', { ADMIN_PASSWORD: 'Secret123' }, /ADMIN_USERNAME must be set together with ADMIN_PASSWORD/],
  ['ADMIN_PASSWORD weak', { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'password' }, /ADMIN_PASSWORD must be 8–128 characters/],
  ['REGISTRATION unknown', { REGISTRATION: 'maybe' }, /REGISTRATION must be one of open, closed \(got "maybe"\)/],
  ['DEMO_DATA not boolean', { DEMO_DATA: 'yes' }, /DEMO_DATA must be one of true, false/],
  ['DEMO_DATA in production', { DEMO_DATA: 'true', NODE_ENV: 'production' }, /DEMO_DATA must not be true when NODE_ENV=production/],
  ['MIGRATE_ON_START not boolean', { MIGRATE_ON_START: '1' }, /MIGRATE_ON_START must be one of true, false/],
  ['CORS_ORIGINS wildcard', { CORS_ORIGINS: '*' }, /CORS_ORIGINS must be a comma-separated list of origins .*\(got "\*"\)/],
  ['CORS_ORIGINS with a path', { CORS_ORIGINS: 'https://ok.example, https://x.example/app' }, /got "https:\/\/x.example\/app"/],
  ['IMPORT_MAX_BYTES unit', { IMPORT_MAX_BYTES: '100 parsecs' }, /IMPORT_MAX_BYTES must be a positive size/],
  ['IMPORT_MAX_ROWS negative', { IMPORT_MAX_ROWS: '-1' }, /IMPORT_MAX_ROWS must be an integer/],
  ['IMPORT_STALE_AFTER_MS too short', { IMPORT_STALE_AFTER_MS: '500' }, /IMPORT_STALE_AFTER_MS must be an integer from 1000 to 86400000/],
  ['BODY_LIMIT zero', { BODY_LIMIT: '0' }, /BODY_LIMIT must be a positive size/],
  ['REQUEST_TIMEOUT_MS fraction', { REQUEST_TIMEOUT_MS: '1.5' }, /REQUEST_TIMEOUT_MS must be an integer/],
  ['SHUTDOWN_TIMEOUT_MS word', { SHUTDOWN_TIMEOUT_MS: 'soon' }, /SHUTDOWN_TIMEOUT_MS must be an integer/],
  ['RATE_LIMIT_STORE_FAILURE unknown', { RATE_LIMIT_STORE_FAILURE: 'ajar' }, /RATE_LIMIT_STORE_FAILURE must be one of open, closed/],
  ['REDIS_URL of another scheme', { REDIS_URL: 'http://cache' }, /REDIS_URL must be a URL starting with redis:\/\/ or rediss:\/\//],
  ['TRUST_PROXY everyone', { TRUST_PROXY: 'true' }, /TRUST_PROXY must list proxy addresses or CIDR ranges .*\(got "true"\)/],
  ['TRUST_PROXY host name', { TRUST_PROXY: '10.0.0.1, proxy.internal' }, /TRUST_PROXY must list .*\(got "proxy.internal"\)/],
  ['TRUST_PROXY prefix too long', { TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY must list .*\(got "10.0.0.0\/33"\)/],
  ['TRUST_PROXY only commas', { TRUST_PROXY: ',,' }, /TRUST_PROXY must list/],
  ['LOG_LEVEL unknown', { LOG_LEVEL: 'verbose' }, /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
];

for (const [name, env, message] of BAD_VALUES) {
  t.test(`refuses ${name}`, async (t) => {
    t.match(errorFor(t, env), message);
  });
}

t.test('RATE_LIMIT_STORE_FAILURE: open or closed', async (t) => {
  t.equal(load({ RATE_LIMIT_STORE_FAILURE: 'closed' }).rateLimitStoreFailure, 'closed');
});

t.test('AUTH_JWKS_URL may use http only on this machine (tests)', async (t) => {
  const external = (jwksUrl: string) =>
    load({ AUTH_ISSUER: 'https://x/', AUTH_AUDIENCE: 'a', AUTH_JWKS_URL: jwksUrl }).externalAuth?.jwksUrl;
  for (const jwksUrl of ['http://127.0.0.1:8080/jwks.json', 'http://localhost/jwks.json', 'http://[::1]:9000/jwks.json']) {
    t.equal(external(jwksUrl), jwksUrl);
  }
});

t.test('no error message repeats a secret', async (t) => {
  t.notMatch(errorFor(t, { DATABASE_URL: 'mysql://user:hunter2@db/x' }), /hunter2/);
  t.notMatch(errorFor(t, { JWT_SECRET: 'hunter2' }), /hunter2/);
  t.notMatch(errorFor(t, { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'hunter2' }), /hunter2/);
});

t.test('JWT_SECRET outside production: generated once, kept in DATA_DIR with mode 0600', async (t) => {
  const dataDir = join(tempDir(), 'nested');
  const first = loadConfig({ DATA_DIR: dataDir }).jwtSecret;
  t.ok(Buffer.byteLength(first) >= 32, 'long enough');
  const file = join(dataDir, 'jwt-secret');
  t.equal(readFileSync(file, 'utf8'), first, 'stored');
  t.equal(statSync(file).mode & 0o777, 0o600, 'readable by the owner only');
  t.equal(loadConfig({ DATA_DIR: dataDir }).jwtSecret, first, 'the same secret after a restart');
});

t.test('DATA_DIR made for the generated secret is private (0700), with DATABASE_URL set and when the start fails after it', async (t) => {
  const umask = process.umask(0o022); // the usual umask, which leaves a plain mkdir 0755: 0700 must not rely on a stricter one
  t.teardown(() => void process.umask(umask));
  const withDatabase = join(tempDir(), 'nested', 'data');
  loadConfig({ DATABASE_URL: 'postgres://localhost/marquee', DATA_DIR: withDatabase });
  t.equal(statSync(withDatabase).mode & 0o777, 0o700, 'DATABASE_URL without JWT_SECRET: DATA_DIR 0700');
  const failed = join(tempDir(), 'data');
  t.throws(() => loadConfig({ DATABASE_URL: 'postgres://localhost/marquee', DATA_DIR: failed, REGISTRATION: 'maybe' }), /REGISTRATION/);
  t.equal(statSync(failed).mode & 0o777, 0o700, 'a failed start leaves DATA_DIR 0700 too');
});

t.test('JWT_SECRET in production: required, never generated', async (t) => {
  const dataDir = tempDir();
  t.throws(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir }), {
    name: 'ConfigError',
    message: /JWT_SECRET is required when NODE_ENV=production/,
  });
  t.equal(loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, JWT_SECRET: SECRET }).production, true);
});

t.test('a tampered generated secret is refused', async (t) => {
  const dataDir = tempDir();
  writeFileSync(join(dataDir, 'jwt-secret'), 'too short');
  t.throws(() => loadConfig({ DATA_DIR: dataDir }), { message: /JWT_SECRET must be at least 32 bytes .*delete it to regenerate/ });
});

t.test('an unwritable DATA_DIR names DATA_DIR', async (t) => {
  const file = join(tempDir(), 'not-a-dir');
  writeFileSync(file, '');
  t.throws(() => loadConfig({ DATA_DIR: file }), { message: /^Invalid configuration: DATA_DIR must be a writable directory/ });
});

t.test('.env.example lists every variable with its default', async (t) => {
  const root = new URL('../../', import.meta.url);
  const example = Object.fromEntries(
    readFileSync(new URL('.env.example', root), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=', 2) as [string, string]),
  );
  const source = readFileSync(new URL('src/infrastructure/config.ts', root), 'utf8');
  const read = [...source.matchAll(/read\('([A-Z_]+)'/g)].map((m) => m[1]);
  t.same(
    read.filter((name) => !(name! in example)),
    [],
    'every variable config.ts reads is listed',
  );
  const dataDir = tempDir();
  t.same(
    loadConfig({ ...example, DATA_DIR: dataDir, JWT_SECRET: SECRET }),
    load({ DATA_DIR: dataDir }),
    'the listed values are the defaults',
  );
});
