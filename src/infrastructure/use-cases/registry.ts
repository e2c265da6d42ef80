// tsyringe throws at import unless the Reflect metadata API is loaded first.
import 'reflect-metadata';
import { container as rootContainer, type DependencyContainer, type FactoryFunction } from 'tsyringe';
import type { Ports } from './ports.ts';
import { token, Tokens } from './tokens.ts';

type Factories = Record<string, FactoryFunction<object>>;
/** What resolving each factory gives: `{ listMovies: ListMovies, … }`. */
export type Resolved<F extends Factories> = { [K in keyof F]: ReturnType<F[K]> };

/** A fresh container with every port bound to the given adapter. */
export function containerWith(ports: Ports): DependencyContainer {
  const container = rootContainer.createChildContainer();
  for (const name of Object.keys(Tokens) as (keyof Ports)[]) registerPort(container, name, ports[name]);
  return container;
}

function registerPort<K extends keyof Ports>(container: DependencyContainer, name: K, adapter: Ports[K]): void {
  // tsyringe reads a null useValue as "no provider": a port that may be absent (external) is a factory.
  if (adapter == null) container.register(Tokens[name], { useFactory: () => adapter });
  else container.register(Tokens[name], { useValue: adapter });
}

/** Registers each use case under its own token with its factory, then resolves them all, once. */
export function resolveUseCases<F extends Factories>(container: DependencyContainer, factories: F): Resolved<F> {
  const useCases = Object.entries(factories).map(([name, factory]) => {
    const useCase = token<object>(name);
    container.register(useCase, { useFactory: factory });
    return [name, container.resolve(useCase)];
  });
  return Object.fromEntries(useCases) as Resolved<F>; // one entry per key of F, built just above
}
