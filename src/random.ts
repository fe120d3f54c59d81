// One small seeded generator for everything in wen that must give the same output on every run
// (network communities and layouts, fuzz cases): mulberry32, a well-mixed 32-bit PRNG; Math.random
// would change the bytes of a result between runs.

/** A generator of numbers in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
