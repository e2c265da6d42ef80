/*
 * Services a bare clone does not have. Suites that need PostgreSQL or Redis run only when their
 * URL is given (`.ci/run` sets both); otherwise tap reports them skipped with the reason, one
 * line each, instead of failing on ECONNREFUSED or hanging until the file's time limit.
 */

/** A PostgreSQL database tests may create (and drop) databases from, e.g. postgres://postgres@127.0.0.1:5432/test. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
/** A Redis tests may write keys of their own to, e.g. redis://127.0.0.1:6379. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || undefined;

const unset = (variable: string, what: string) => `${what} not run: ${variable} is not set (npm test runs it when given, as .ci/run does)`;

/** tap options for a test that needs PostgreSQL. */
export const needsPostgres: { skip: string | false } = { skip: TEST_DATABASE_URL ? false : unset('TEST_DATABASE_URL', 'PostgreSQL tests') };

/** tap options for a test that needs Redis. */
export const needsRedis: { skip: string | false } = { skip: TEST_REDIS_URL ? false : unset('TEST_REDIS_URL', 'Redis tests') };

/** tap options for a test that needs both. */
export const needsPostgresAndRedis: { skip: string | false } = { skip: needsPostgres.skip || needsRedis.skip };
