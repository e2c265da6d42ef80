/**
 * The natural keys an import has inserted so far, as a Bloom filter: `mightHave` is never
 * false for a key that was added, and true for about 0.2 % of others at a million keys. A set
 * of the keys themselves would hold ~80 MB at a million rows; this holds 2 MB whatever the file.
 */
export class WrittenKeys {
  private static readonly BITS = 2 ** 24;
  private static readonly HASHES = 4;
  private readonly bits = new Uint32Array(WrittenKeys.BITS / 32);

  add(key: string): void {
    for (const bit of WrittenKeys.positions(key)) this.bits[bit >>> 5]! |= 1 << (bit & 31);
  }

  mightHave(key: string): boolean {
    for (const bit of WrittenKeys.positions(key)) if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    return true;
  }

  /** HASHES positions from two 32-bit FNV-1a hashes with different offsets (double hashing). */
  private static *positions(key: string): Generator<number> {
    let a = 0x811c9dc5;
    let b = 0x01000193;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995);
    }
    for (let i = 0; i < WrittenKeys.HASHES; i++) yield (a + Math.imul(i, b | 1)) & (WrittenKeys.BITS - 1);
  }
}
