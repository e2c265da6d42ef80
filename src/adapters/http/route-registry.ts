import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { Type } from 'typebox';
import type { Permission } from '../../domain/permissions.ts';
import { refuseUnexpectedBody } from './no-body.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route needs (src/domain/permissions.ts, the README's table); absent on public routes. */
    permission?: Permission;
  }
}

/** Where permission checks plug in (onRequest of every route with a permission): reject by throwing a 401/403 DomainError. */
export type Authorize = (request: FastifyRequest, permission: Permission) => Promise<void>;

interface Pattern {
  matches: RegExp;
  methods: Set<string>;
}

/**
 * Every route as it is registered: the methods each path answers (for 405 + Allow) and the
 * permission each operation declares (for the authorize seam and the OpenAPI document).
 */
export class RouteRegistry {
  private readonly patterns = new Map<string, Pattern>();
  readonly permissions = new Map<string, Permission>(); // "GET /movies/:id" → permission

  /** Installs the onRoute hook; it must run before any route is registered. */
  watch(app: FastifyInstance, authorize?: Authorize): void {
    app.addHook('onRoute', (route) => {
      refuseUnknownQuery(route);
      refuseUnexpectedBody(route);
      const methods = [route.method].flat();
      if (!route.url.includes('*')) this.add(route.url, methods);
      const permission = route.config?.permission;
      if (permission === undefined) return;
      for (const method of methods) this.permissions.set(`${method} ${route.url}`, permission);
      if (authorize) {
        const check = (request: FastifyRequest) => authorize(request, permission); // its promise, not one more around it
        // onRequest, not preHandler: an unauthenticated client gets its 401 before any 400.
        route.onRequest = [check, ...[route.onRequest ?? []].flat()];
      }
    });
  }

  /** The methods a path answers, or undefined when no route has that path. */
  allowedMethods(path: string): string[] | undefined {
    for (const pattern of this.patterns.values()) {
      if (pattern.matches.test(path)) return [...pattern.methods].sort();
    }
    return undefined;
  }

  private add(url: string, methods: string[]): void {
    const pattern = this.patterns.get(url) ?? { matches: toRegExp(url), methods: new Set<string>() };
    for (const method of methods) pattern.methods.add(method);
    this.patterns.set(url, pattern);
  }
}

/** A route that declares no query parameters takes none: an unknown one is a 400, as on the list routes. */
const NO_QUERY = Type.Object({}, { additionalProperties: false });

function refuseUnknownQuery(route: RouteOptions): void {
  if (route.url.startsWith('/docs') || route.schema?.querystring) return;
  route.schema = { ...route.schema, querystring: NO_QUERY };
}

function toRegExp(url: string): RegExp {
  const escaped = url.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${escaped.join('/')}/?$`); // the router ignores a trailing slash (app.ts)
}
