// Fixed-size bitsets over identity indexes: the engine decides a subject against every peer
// at once by OR-ing the peer sets of the rules that apply.

export type Bitset = Uint32Array

export function createBitset(size: number): Bitset {
  return new Uint32Array((size + 31) >>> 5)
}

export function setBit(bits: Bitset, index: number): void {
  bits[index >>> 5] |= 1 << (index & 31)
}

export function hasBit(bits: Bitset, index: number): boolean {
  return (bits[index >>> 5] & (1 << (index & 31))) !== 0
}

export function orInto(target: Bitset, source: Bitset): void {
  for (let i = 0; i < target.length; i++) target[i] |= source[i]
}

export function andInto(target: Bitset, source: Bitset): void {
  for (let i = 0; i < target.length; i++) target[i] &= source[i]
}
