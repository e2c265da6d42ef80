import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './marquee-api.ts';

export type { components, operations, paths } from './marquee-api.ts';

/** A client of the Marquee API whose paths, parameters, bodies and answers are typed from its OpenAPI document. */
export type MarqueeClient = Client<paths>;

/**
 * A typed client of the Marquee API served at `baseUrl` (e.g. http://127.0.0.1:3000). With
 * `token` (the access_token of POST /auth), every request carries `Authorization: Bearer <token>`.
 */
export function createMarqueeClient(baseUrl: string, token?: string): MarqueeClient {
  return createClient<paths>({ baseUrl, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
}
