// The bench's waits are each timed REPEATS times, one after the other, and reported by their median:
// this VM's speed drifts by ±20 % within minutes.
export const REPEATS = 3;

export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1];
}
