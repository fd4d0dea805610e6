// rpact takes a number as its seed and Stratum any text. A seed that is a whole number is used as
// it is; other text becomes its 32-bit FNV-1a hash, kept below 2³¹ (R's seeds are integers). The
// two programs draw from different generators anyway: the same seed makes each run repeatable,
// and the comparison is in distribution.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function rpactSeed(seed: string): number {
  if (/^\d{1,9}$/.test(seed)) return Number(seed);
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(seed)) hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  return hash % 2 ** 31;
}
