import { randomBytes, randomUUID } from 'node:crypto';
import type { RandomSource } from '../../application/ports/random-source.ts';

export class NodeCryptoRandomSource implements RandomSource {
  token(): string {
    return randomBytes(32).toString('base64url');
  }

  uuid(): string {
    return randomUUID();
  }
}
