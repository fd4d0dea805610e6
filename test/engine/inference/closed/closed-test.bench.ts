// Time per closed test of four hypotheses (three populations and F), dunnett and simes, under the global
// null and with every z about 2.5 (then MaxOfNormals4 is at its quickest). Not part of `vitest run`:
// `npx vitest bench --run test/engine/inference/closed`; each iteration tests BATCH stored draws, so the
// µs per closed test is the mean time over BATCH.
import { bench, describe } from 'vitest';
import { ClosedTest } from '../../../../src/engine/inference/closed/closed-test.js';
import { Dunnett } from '../../../../src/engine/inference/closed/dunnett.js';
import { simes } from '../../../../src/engine/inference/closed/simes.js';
import { cholesky, drawCorrelated, fixture, sampler } from './support.js';

const G = 4;
const BATCH = 1000;
const { corr } = fixture('d4-overlap-v5');
const correlation = corr.flat();
const factor = cholesky(correlation, G);

function draws(shift: number): Float64Array {
  const source = sampler(`bench ${shift}`);
  const z = new Float64Array(BATCH * G);
  for (let i = 0; i < BATCH; i++) drawCorrelated(source, factor, G, z.subarray(i * G, (i + 1) * G));
  for (let i = 0; i < z.length; i++) z[i] += shift;
  return z;
}

for (const [label, shift] of [
  ['global null', 0],
  ['z about 2.5', 2.5],
] as const) {
  describe(`closed test of 4 hypotheses, ${BATCH} per iteration, ${label}`, () => {
    const z = draws(shift);
    for (const [name, closed] of [
      ['dunnett', new ClosedTest(new Dunnett(), G)],
      ['simes', new ClosedTest(simes, G)],
    ] as const) {
      bench(
        name,
        () => {
          for (let i = 0; i < BATCH; i++) closed.test(z.subarray(i * G, (i + 1) * G), correlation);
        },
        { iterations: name === 'dunnett' ? 200 : 1000, time: 0 },
      );
    }
  });
}
