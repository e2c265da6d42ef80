import { createHmac, createSign, type KeyObject } from 'node:crypto';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Signs any header and payload the test dictates, so verifiers can be fed hostile tokens. */
export function hmacJwt(header: object, payload: object, secret: string | Buffer, hash = 'sha256'): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
}

export function rsaJwt(header: object, payload: object, privateKey: KeyObject): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey, 'base64url')}`;
}

export function unsignedJwt(header: object, payload: object): string {
  return `${b64(header)}.${b64(payload)}.`;
}

export function withPayload(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  change(parsed);
  return `${header}.${b64(parsed)}.${signature}`;
}
