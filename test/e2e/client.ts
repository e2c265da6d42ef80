import { createMarqueeClient, type MarqueeClient } from '../../clients/typescript/index.ts';
import { E2E_ADMIN } from '../support/auth.ts';

/** Logs in through the typed client (POST /auth) and returns a client that sends the access token. */
export async function signedInClient(
  baseUrl: string,
  username = E2E_ADMIN.ADMIN_USERNAME,
  password = E2E_ADMIN.ADMIN_PASSWORD,
): Promise<MarqueeClient> {
  const { data, error, response } = await createMarqueeClient(baseUrl).POST('/auth', { body: { username, password } });
  if (!data) throw new Error(`login ${username} → ${response.status}: ${JSON.stringify(error)}`);
  return createMarqueeClient(baseUrl, data.access_token);
}
