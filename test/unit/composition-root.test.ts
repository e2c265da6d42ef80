import t from 'tap';
import type { HttpUseCases } from '../../src/adapters/http/app.ts';
import { inMemoryRepositories } from '../../src/adapters/persistence/in-memory/index.ts';
import { Login } from '../../src/application/auth/login.ts';
import { ListCast } from '../../src/application/castings/list-cast.ts';
import { GetImportJob } from '../../src/application/imports/get-import-job.ts';
import { buildUseCases } from '../../src/infrastructure/container.ts';
import { wireUseCases, type Ports } from '../../src/infrastructure/use-cases/index.ts';

/*
 * The composition root is plain constructor calls, so wiring mistakes are compile errors.
 * The function below never runs: `npx tsc --noEmit` checks it, and each `@ts-expect-error`
 * fails the compile if the mistake under it would ever compile.
 */
export function wiringMistakesDoNotCompile(ports: Ports): void {
  // @ts-expect-error two ports swapped: ListCast takes (movies, castings)
  void new ListCast(ports.castings, ports.movies);
  // @ts-expect-error a port left out: Login also needs the auth settings
  void new Login(ports.users, ports.sessions, ports.hasher, ports.tokens, ports.random, ports.clock);
  // @ts-expect-error the wrong adapter for a port: GetImportJob's first port is the import jobs
  void new GetImportJob(ports.movieImports, ports.clock, ports.importSettings);
  const { listMovies: _left, ...rootWithoutOne } = wireUseCases(ports);
  // @ts-expect-error a use case left out of the root is missing where the HTTP adapter asks for it
  const http: HttpUseCases = rootWithoutOne;
  void http;
}

t.test('the root wires every use case the HTTP adapter calls, each once', async (t) => {
  const useCases = buildUseCases(inMemoryRepositories());
  const http: HttpUseCases = useCases; // the same object the server hands to buildHttpApp
  for (const [name, useCase] of Object.entries(http)) t.type(useCase.execute, 'function', name);
  t.equal(buildUseCases(inMemoryRepositories()).listMovies === useCases.listMovies, false, 'each root builds its own');
});
