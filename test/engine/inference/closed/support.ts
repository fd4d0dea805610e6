// Shared by the closed-testing tests: the mvtnorm fixtures of the max-z test and correlated normal draws.
import { readFileSync } from 'node:fs';
import { Sampler } from '../../../../src/engine/random/sampler.js';
import { blockStream } from '../../../../src/engine/random/stream.js';

export interface DunnettFixture {
  id: string;
  dim: number;
  about: string;
  corr: number[][];
  critical: { alpha: number; c: number }[];
  pValues: { z: number; p: number }[];
}

/** test/fixtures/reference/mvtnorm-dunnett.json, made by make-dunnett.R (mvtnorm 1.1.3, the Miwa algorithm) */
export const dunnettFixtures: DunnettFixture[] = JSON.parse(
  readFileSync(new URL('../../../fixtures/reference/mvtnorm-dunnett.json', import.meta.url), 'utf8'),
);

export function fixture(id: string): DunnettFixture {
  const found = dunnettFixtures.find((f) => f.id === id);
  if (found === undefined) throw new Error(`no fixture ${id}`);
  return found;
}

/** a seeded sampler of its own for each test */
export function sampler(name: string): Sampler {
  return new Sampler(blockStream('closed-testing-tests', name, 0));
}

/** the lower Cholesky factor L of a positive definite d × d matrix given row by row, R = L·Lᵀ */
export function cholesky(matrix: ArrayLike<number>, d: number): Float64Array {
  const factor = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * d + j];
      for (let k = 0; k < j; k++) sum -= factor[i * d + k] * factor[j * d + k];
      factor[i * d + j] = i === j ? Math.sqrt(sum) : sum / factor[j * d + j];
    }
  }
  return factor;
}

/** z = L·x for x of d independent standard normals: z ~ N(0, L·Lᵀ) */
export function drawCorrelated(source: Sampler, factor: Float64Array, d: number, z: Float64Array): void {
  const x = [0, 0, 0, 0];
  for (let k = 0; k < d; k++) x[k] = source.normal();
  for (let i = 0; i < d; i++) {
    let sum = 0;
    for (let k = 0; k <= i; k++) sum += factor[i * d + k] * x[k];
    z[i] = sum;
  }
}
