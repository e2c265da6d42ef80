import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { type ConditionalOperation, declareConditionalHeaders } from './openapi-conditional.ts';
import { API_DESCRIPTION, API_TAGS } from './openapi-description.ts';
import { declareExamples } from './openapi-examples.ts';
import { declareResponseHeaders } from './openapi-headers.ts';
import type { RouteRegistry } from './route-registry.ts';

type Operation = {
  summary?: string;
  description?: string;
  security?: unknown;
  'x-permission'?: string;
  responses?: Record<string, { description?: string }>;
};

/** OpenAPI 3.1 at /docs/json from the route schemas, and the reference page at /docs. */
export async function registerOpenApi(app: FastifyInstance, routes: RouteRegistry): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Marquee API', version: '1.0.0', description: API_DESCRIPTION },
      tags: API_TAGS,
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'The access_token of POST /auth, or an RS256 token of the configured issuer (Auth0) with a permissions claim',
          },
        },
      },
    },
    transformObject: (documentObject) => {
      const document = 'openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject;
      annotatePermissions(document.paths as Record<string, Record<string, Operation>>, routes);
      declareConditionalHeaders(document.paths as Record<string, Record<string, ConditionalOperation>>);
      declareResponseHeaders(document.paths as Parameters<typeof declareResponseHeaders>[0]);
      declareExamples(document.paths as Parameters<typeof declareExamples>[0]);
      describeSuccesses(document.paths as Record<string, Record<string, Operation>>);
      return document;
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // The page must also load where the API is served over plain HTTP (local runs, TLS
    // ended at a proxy that forwards http): upgrading its script requests would break it.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });
}

function annotatePermissions(paths: Record<string, Record<string, Operation>>, routes: RouteRegistry): void {
  for (const [key, permission] of routes.permissions) {
    const [method = '', url = ''] = key.split(' ');
    const operation = paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    if (!operation) continue;
    operation['x-permission'] = permission;
    operation.security = [{ bearer: [permission] }];
    operation.description = `${operation.description ?? ''}\n\nPermission: \`${permission}\`.`.trim();
  }
}

/** A success the route schema left undescribed reads as its operation's summary (generated clients show it), not "Default Response". */
function describeSuccesses(paths: Record<string, Record<string, Operation>>): void {
  for (const operation of Object.values(paths).flatMap((operations) => Object.values(operations))) {
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      if (response.description !== 'Default Response' || !status.startsWith('2')) continue;
      response.description = status === '201' ? `${operation.summary}: created, Location names it` : `${operation.summary}`;
    }
  }
}
