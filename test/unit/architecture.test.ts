import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import t from 'tap';

/*
 * The dependency rule (docs/architecture.md) is enforced by eslint.config.js. These cases lint source
 * text as if it lived at a path in src/, through ESLint's own API and the project's config,
 * so a broken rule shows here and not only when someone writes a wrong import.
 * `lintText` with a `filePath` applies the config of that path without writing the file,
 * so nothing appears in the shared tree while the test runs.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
// Only the dependency rule runs (the other rules are `npm run lint`'s job): linting src with
// every rule cost 4.0 s of CPU, with this one 1.6 s.
const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const probe = 1;\n`, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const FORBIDDEN: [string, string, RegExp][] = [
  ['src/domain/probe.ts', "import Fastify from 'fastify'; void Fastify;", /never a package/],
  [
    'src/domain/probe.ts',
    "import type { MovieRepository } from '../application/ports/movie-repository.ts'; export type X = MovieRepository;",
    /outer layers/,
  ],
  ['src/domain/nested/probe.ts', "export { buildUseCases } from '../../infrastructure/container.ts';", /outer layers/],
  ['src/application/movies/probe.ts', "import { MikroORM } from '@mikro-orm/core'; void MikroORM;", /never a package/],
  ['src/application/movies/probe.ts', "import { container } from 'tsyringe'; void container;", /never a package/],
  ['src/application/movies/probe.ts', "import { Type } from 'typebox'; void Type;", /never a package/],
  ['src/application/movies/probe.ts', "import pg from 'pg'; void pg;", /never a package/],
  ['src/application/movies/probe.ts', "import { x } from '../../adapters/http/app.ts'; void x;", /outer layers/],
  ['src/adapters/http/probe.ts', "import { loadConfig } from '../../infrastructure/config.ts'; void loadConfig;", /outer layers/],
  ['src/infrastructure/probe.ts', "import { x } from '../../test/support/server.ts'; void x;", /never imports test code/],
  [
    'src/adapters/persistence/mikro-orm/probe.ts',
    "import { CreateMovie } from '../../../application/movies/create-movie.ts'; void CreateMovie;",
    /only ports, the domain/,
  ],
  [
    'src/adapters/persistence/in-memory/probe.ts',
    "import { presentMovie } from '../../http/presenters.ts'; void presentMovie;",
    /only ports/,
  ],
  ['src/adapters/security/probe.ts', "import { x } from '../persistence/mikro-orm/index.ts'; void x;", /only ports, the domain/],
];

const ALLOWED: [string, string][] = [
  [
    'src/adapters/persistence/mikro-orm/probe.ts',
    "import { sql } from 'kysely'; import type { Clock } from '../../../application/ports/clock.ts'; import { Movie } from '../../../domain/movie.ts'; import { kyselyOf } from './kysely-database.ts'; void sql; void Movie; void kyselyOf; export type C = Clock;",
  ],
  ['src/domain/probe.ts', "import { randomUUID } from 'node:crypto'; import { Movie } from './movie.ts'; void randomUUID; void Movie;"],
  [
    'src/application/movies/probe.ts',
    "import { Movie } from '../../domain/movie.ts'; import type { Page } from '../ports/paging.ts'; void Movie; export type P = Page<Movie>;",
  ],
  [
    'src/adapters/http/probe.ts',
    "import Fastify from 'fastify'; import { CreateMovie } from '../../application/movies/create-movie.ts'; void Fastify; void CreateMovie;",
  ],
  [
    'src/infrastructure/probe.ts',
    "import { buildUseCases } from './container.ts'; import { x } from '../adapters/http/app.ts'; void buildUseCases; void x;",
  ],
];

t.test('a wrong arrow is a lint error', async (t) => {
  for (const [path, source, message] of FORBIDDEN) {
    const errors = await importErrors(path, source);
    t.equal(errors.length, 1, `${path}: ${source.split(';')[0]}`);
    t.match(errors[0], message);
  }
});

t.test('inward arrows are allowed', async (t) => {
  for (const [path, source] of ALLOWED) {
    t.same(await importErrors(path, source), [], `${path}: ${source.split(';')[0]}`);
  }
});

t.test('a real file in src/domain importing fastify fails lintFiles', async (t) => {
  const file = `${root}src/domain/zz-architecture-probe-${process.pid}.ts`;
  t.teardown(() => rmSync(file, { force: true }));
  writeFileSync(file, "import Fastify from 'fastify';\nexport const probe = Fastify;\n");
  const [result] = await eslint.lintFiles([file]);
  t.equal(result?.errorCount, 1, 'one error');
  t.match(result?.messages[0], { ruleId: 'no-restricted-imports', message: /never a package/ });
});

t.test('the real tree obeys the rule', async (t) => {
  const results = await eslint.lintFiles(['src']);
  const wrong = results.flatMap((r) =>
    r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}:${m.line} ${m.message}`),
  );
  t.same(wrong, []);
});
