// The test helpers' exact distribution functions against R (test/fixtures/random/r-reference.json),
// so that the sampler tests compare draws with the true law.
import { describe, expect, it } from 'vitest';
import {
  binomialPmf,
  chiSquareCdf,
  chiSquareSurvival,
  gammaCdf,
  lnGamma,
  negativeBinomialPmf,
  normalCdf,
  pmfAt,
  poissonPmf,
  referenceEntries,
  type PmfTable,
  type ReferenceEntry,
} from './helpers.js';

/** relative agreement: far tighter than anything a 2·10⁵-draw test can resolve */
const RELATIVE = 1e-9;

function helperFor(entry: ReferenceEntry): ((x: number) => number) | undefined {
  const a = entry.args;
  const table = (t: PmfTable) => (k: number) => pmfAt(t, k);
  switch (entry.fn) {
    case 'lgamma':
      return lnGamma;
    case 'pnorm':
      return normalCdf;
    case 'pgamma':
      return (x) => gammaCdf(a.shape as number, x);
    case 'pchisq':
      return a['lower.tail'] === false
        ? (x) => chiSquareSurvival(a.df as number, x)
        : (x) => chiSquareCdf(a.df as number, x);
    case 'dbinom':
      return table(binomialPmf(a.size as number, a.prob as number));
    case 'dpois':
      return table(poissonPmf(a.lambda as number));
    case 'dnbinom':
      return table(negativeBinomialPmf(a.size as number, a.prob as number));
    default:
      return undefined; // quantiles: bin edges, used as they are
  }
}

describe('test helpers agree with R', () => {
  const checked = referenceEntries().filter((e) => helperFor(e) !== undefined);
  it('covers every distribution function in the fixture', () => {
    expect(checked.length).toBeGreaterThanOrEqual(24);
  });
  it.each(checked.map((e) => [e.call, e] as const))('%s', (_, entry) => {
    const f = helperFor(entry)!;
    entry.x.forEach((x, i) => {
      const want = entry.value[i];
      const got = f(x);
      const scale = entry.fn === 'lgamma' ? Math.max(1, Math.abs(want)) : Math.abs(want);
      expect(Math.abs(got - want), `${entry.fn}(${x}): ${got} vs R ${want}`).toBeLessThanOrEqual(RELATIVE * scale);
    });
  });
});
