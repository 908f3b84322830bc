/**
 * The term under which a document is indexed for an authority it links (an author, a person it
 * names through the source's markup): a name query for a person matches every document linked
 * to any source's record of that person, whatever the text calls them ("the Secretary", "Rusk").
 * A hash of the id, in letters and digits the full-text tokenizer keeps whole, prefixed so
 * that it is no word of any language.
 *
 * @example entityToken('frus1961-63v05-p_RD1') // 'zq…' (13 characters)
 */
export function entityToken(authorityId: string): string {
  // FNV-1a, 64 bits as two 32-bit halves: stable across processes and backends.
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let i = 0; i < authorityId.length; i++) {
    low ^= authorityId.charCodeAt(i);
    // Multiply by the FNV prime 0x100000001b3 in 32-bit halves.
    const lowProduct = Math.imul(low, 0x1b3) >>> 0;
    const carry = Math.floor(((low >>> 0) * 0x1b3) / 0x100000000);
    high = (Math.imul(high, 0x1b3) + Math.imul(low, 0x100) + carry) >>> 0;
    low = lowProduct;
  }
  return `zq${high.toString(36).padStart(7, '0')}${low.toString(36).padStart(7, '0')}`;
}
