// Closed forms of a stratified design over several populations where the multivariate normal law of
// the populations' statistics (population-law.ts) gives them as rectangles (math/normal-rectangle.ts):
// - Bonferroni, Šidák and the max-z test are consonant (the global intersection rejects only when some
//   population is then rejected), so P(reject any) = 1 − P(z_k < c for every k), c the global
//   intersection's critical value: z at 1 − α/G, at (1 − α)^{1/G}, or the max-z value for the
//   information correlation the design reads (which for stratified statistics is the one the
//   simulation computes, stage-source.ts's stageCorrelation);
// - the hierarchical test rejects the i-th population of its order when it and every one before reach
//   z_{1−α}: P(z_{o_1} ≥ c, …, z_{o_i} ≥ c), and P(any) is the first's.
// Simes is not consonant and has no such form; nor has the max-z test with pooled statistics, whose
// information correlation the simulation estimates from its strata.
import { MaxOfNormals4 } from '../math/max-normal-4.js';
import { normalQuantile } from '../math/normal.js';
import { normalRectangle } from '../math/normal-rectangle.js';
import type { CellLayout } from '../population-model.js';
import type { Scenario, StratifiedDesign } from '../scenario/types.js';
import { stageCorrelation, StageStatistics } from '../designs/stage-source.js';
import { populationsLaw, type PopulationsLaw } from './population-law.js';

export function populationsClosedTest(
  scenario: Scenario,
  layout: CellLayout,
  design: StratifiedDesign,
): Partial<Record<string, number>> | undefined {
  const law = populationsLaw(scenario, layout, design.n);
  const count = layout.populationIds.length;
  const alpha = scenario.alpha;
  switch (design.intersection) {
    case 'bonferroni':
      return anyAbove(law, normalQuantile(1 - alpha / count));
    case 'sidak':
      return anyAbove(law, normalQuantile((1 - alpha) ** (1 / count)));
    case 'dunnett': {
      if (!scenario.analysis.stratified) return undefined;
      const statistics = new StageStatistics();
      statistics.information.set(law.information);
      statistics.stratumInformation.set(law.stratumInformation);
      const correlation = new Float64Array(count * count);
      stageCorrelation(statistics, layout.populationMask, (1 << count) - 1, correlation);
      return anyAbove(law, new MaxOfNormals4().critical(correlation, count, alpha));
    }
    case 'hierarchical': {
      const order = (design.order ?? []).map((id) => layout.populationIds.indexOf(id));
      const critical = normalQuantile(1 - alpha);
      const reject: Record<string, number> = {};
      for (let i = 1; i <= order.length; i++) {
        const p = allAbove(law, order.slice(0, i), critical);
        if (!Number.isFinite(p)) return undefined;
        reject[layout.populationIds[order[i - 1]]] = p;
      }
      return { any: reject[layout.populationIds[order[0]]], ...reject };
    }
    default:
      return undefined;
  }
}

/** P(some z_k ≥ c) over every population */
function anyAbove(law: PopulationsLaw, critical: number): Partial<Record<string, number>> | undefined {
  const count = law.laws.length;
  const upper = law.laws.map(({ mean, scale }) => (critical - mean) / scale);
  const below = normalRectangle(upper, law.correlation, count);
  return Number.isFinite(below) ? { any: 1 - below } : undefined;
}

/** P(z_k ≥ c for every k in `which`), as the rectangle of −z */
function allAbove(law: PopulationsLaw, which: number[], critical: number): number {
  const count = law.laws.length;
  const upper = which.map((k) => (law.laws[k].mean - critical) / law.laws[k].scale);
  const correlation = which.flatMap((k) => which.map((l) => law.correlation[k * count + l]));
  return normalRectangle(upper, correlation, which.length);
}
