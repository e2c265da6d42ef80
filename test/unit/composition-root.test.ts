import t from 'tap';
import type { DependencyContainer } from 'tsyringe';
import type { HttpUseCases } from '../../src/adapters/http/app.ts';
import { inMemoryRepositories } from '../../src/adapters/persistence/in-memory/index.ts';
import { Login } from '../../src/application/auth/login.ts';
import { ListCast } from '../../src/application/castings/list-cast.ts';
import { GetImportJob } from '../../src/application/imports/get-import-job.ts';
import { buildContainer, buildUseCases } from '../../src/infrastructure/container.ts';
import { containerWith, resolveUseCases, Tokens, useCaseFactories, type Ports } from '../../src/infrastructure/use-cases/index.ts';

/*
 * The composition root is a tsyringe container whose tokens carry their port's type, so wiring
 * mistakes are compile errors. The function below never runs: `npx tsc --noEmit` checks it, and
 * each `@ts-expect-error` fails the compile if the mistake under it would ever compile.
 */
export function wiringMistakesDoNotCompile(c: DependencyContainer, ports: Ports): void {
  // @ts-expect-error two ports swapped: ListCast takes (movies, castings)
  void new ListCast(c.resolve(Tokens.castings), c.resolve(Tokens.movies));
  // @ts-expect-error a port left out: Login also needs the auth settings
  void new Login(
    c.resolve(Tokens.users),
    c.resolve(Tokens.sessions),
    c.resolve(Tokens.hasher),
    c.resolve(Tokens.tokens),
    c.resolve(Tokens.random),
    c.resolve(Tokens.clock),
  );
  // @ts-expect-error the wrong token for a port: GetImportJob's first port is the import jobs
  void new GetImportJob(c.resolve(Tokens.movieImports), c.resolve(Tokens.clock), c.resolve(Tokens.importSettings));
  const { clock: _clock, ...portsWithoutOne } = ports;
  // @ts-expect-error a port left unregistered: the container is built from every port
  void containerWith(portsWithoutOne);
  const { listMovies: _left, ...rootWithoutOne } = useCaseFactories;
  // @ts-expect-error a use case left out of the root is missing where the HTTP adapter asks for it
  const http: HttpUseCases = resolveUseCases(c, rootWithoutOne);
  void http;
}

t.test('the root wires every use case the HTTP adapter calls, each once', async (t) => {
  const useCases = buildUseCases(inMemoryRepositories());
  const http: HttpUseCases = useCases; // the same object the server hands to buildHttpApp
  for (const [name, useCase] of Object.entries(http)) t.type(useCase.execute, 'function', name);
  t.equal(buildUseCases(inMemoryRepositories()).listMovies === useCases.listMovies, false, 'each root builds its own');
});

t.test('the container binds each port to the adapter it was built with', async (t) => {
  const repositories = inMemoryRepositories();
  const container = buildContainer(repositories);
  t.equal(container.resolve(Tokens.movies), repositories.movies);
  t.equal(container.resolve(Tokens.external), null, 'no external issuer unless configured');
  t.not(buildContainer(inMemoryRepositories()).resolve(Tokens.movies), repositories.movies, 'a fresh container each time');
});
