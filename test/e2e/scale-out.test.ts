import t from 'tap';
import { needsPostgresAndRedis } from '../support/services.ts';

/*
 * Two servers on one PostgreSQL and one Redis (scale-out.scenario.ts). The scenario starts its
 * servers as it loads, so without TEST_DATABASE_URL and TEST_REDIS_URL it is not even loaded.
 */
if (needsPostgresAndRedis.skip) t.plan(0, needsPostgresAndRedis.skip);
else await import('./scale-out.scenario.ts');
