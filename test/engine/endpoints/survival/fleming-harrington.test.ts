// The survival tests' one pass (log-rank.ts, weighted-scores.ts) against R on fixed data sets
// (test/fixtures/reference/fleming-harrington.json, made by make-survival-tests.R): FH(ρ, 0) against
// survival::survdiff(rho = ρ), without and with strata(S/R); γ > 0 against a direct computation in R
// (whose γ = 0 values the script checks against survdiff to 10⁻¹⁰); maxcombo's four statistics and
// their covariance against the same computation, and its p-value against pmvnorm. Each data set has
// distinct times, so the risk sets are survdiff's. The scores and variances agree to rounding
// (10⁻¹¹ relative); the p-value within pmvnorm's own error estimate.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LogRank, type Patients } from '../../../../src/engine/endpoints/survival/log-rank.js';
import { normalUpper } from '../../../../src/engine/math/normal.js';
import { CELLS, ONE_MARKER, ONE_MARKER_CELLS } from '../../../../src/engine/population.js';
import type { SurvivalTest } from '../../../../src/engine/scenario/types.js';

interface Statistic {
  population: 'S' | 'F-pooled' | 'F-stratified';
  rho?: number;
  gamma?: number;
  U?: number;
  V?: number;
  maxcombo?: true;
  z?: number[];
  covariance?: number[];
  p?: number;
  pError?: number;
  source: string;
}
interface DataSet {
  id: string;
  time: number[];
  status: number[];
  treated: number[];
  inS: number[];
  statistics: Statistic[];
}
const sets: DataSet[] = JSON.parse(
  readFileSync(new URL('../../../fixtures/reference/fleming-harrington.json', import.meta.url), 'utf8'),
);
const RELATIVE = 1e-11;

/** the data set as a cohort entering at month 0: slots below CELLS are treated, cells 0–1 are S */
function patients(set: DataSet): Patients {
  const size = set.time.length;
  const entry = new Float64Array(size);
  const slot = new Uint8Array(size);
  const event = new Float64Array(size);
  const dropout = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    slot[i] = (set.treated[i] === 1 ? 0 : CELLS) + (set.inS[i] === 1 ? 0 : 2);
    event[i] = set.status[i] === 1 ? set.time[i] : Infinity;
    dropout[i] = set.status[i] === 1 ? Infinity : set.time[i];
  }
  return { size, entry, slot, event, dropout };
}

/** the pass over everyone (analysed at ∞, so every time is observed), and the population asked for */
function scores(set: DataSet, statistic: Statistic, test: SurvivalTest) {
  const logRank = new LogRank(statistic.population === 'F-stratified', test, ONE_MARKER_CELLS);
  logRank.analyse(patients(set), Infinity, 0b11);
  return logRank.scores[statistic.population === 'S' ? ONE_MARKER.S : ONE_MARKER.F];
}

const close = (ours: number, theirs: number) => Math.abs(ours - theirs) <= RELATIVE * Math.max(1, Math.abs(theirs));

describe('Fleming–Harrington statistics against R', () => {
  for (const set of sets) {
    it(`${set.id}: FH(ρ, γ) scores and variances, S, F pooled and F stratified`, () => {
      const weighted = set.statistics.filter((statistic) => !statistic.maxcombo);
      expect(weighted.length).toBe(30);
      expect(weighted.filter((statistic) => statistic.source.includes('survdiff')).length).toBe(12);
      for (const statistic of weighted) {
        const { rho, gamma } = statistic as Required<Statistic>;
        const test: SurvivalTest = rho === 0 && gamma === 0 ? 'logrank' : { fh: [rho, gamma] };
        const ours = scores(set, statistic, test);
        const variance = ours.information;
        const label = `${statistic.population} FH(${rho}, ${gamma}) (${statistic.source})`;
        expect(close(variance, statistic.V!), label).toBe(true);
        // z = −U/√V: the treated arm's weighted O − E, oriented so that benefit is positive
        expect(close(ours.z, -statistic.U! / Math.sqrt(statistic.V!)), label).toBe(true);
      }
    });

    it(`${set.id}: maxcombo's four statistics, their covariance and its p-value`, () => {
      for (const statistic of set.statistics.filter((entry) => entry.maxcombo)) {
        const ours = scores(set, statistic, 'maxcombo');
        statistic.z!.forEach((z, k) => {
          expect(close(ours.statistics[k], z), `${statistic.population} z_${k}`).toBe(true);
        });
        statistic.covariance!.forEach((v, kl) => {
          expect(close(ours.covariance[kl], v), `${statistic.population} V_${kl}`).toBe(true);
        });
        expect(Math.abs(normalUpper(ours.z) - statistic.p!), statistic.population).toBeLessThanOrEqual(
          statistic.pError! + 1e-7,
        );
      }
    });
  }
});
