// rpact's subgroups for its enrichment simulations (getSimulationEnrichmentMeans, -Rates, -Survival:
// `effectList$subGroups`). rpact describes G populations besides F by the 2^G disjoint subgroups of
// who belongs to which: S and R for G = 1; S1, S2, S12 and R for G = 2; S1, S2, S3, S12, S13, S23, S123
// and R for G = 3, population k being the union of the subgroups whose name holds k and the last, R,
// belonging to none. Stratum's populations are unions of subgroups as the assay classifies them, so each
// classified subgroup falls into the rpact subgroup of the populations that hold it: several may fall
// into one (rpact then knows one set of parameters for their patients), and a subgroup of rpact's that
// none falls into has prevalence 0. The one-marker form gives S = [pos] and R = [neg], as before.
import { layoutOf } from '../../engine/population.js';
import type { Scenario } from '../../engine/scenario/types.js';

export type RpactSubgroup = {
  /** rpact's name: S, R, S1, S12, … */
  name: string;
  /** the classified subgroups (indices in the cell layout) it holds */
  classified: number[];
  /** its share of the screened: rpact's prevalence */
  share: number;
};

/** rpact's subgroups in rpact's order: by how many populations hold them, then by their digits; R last */
export function rpactSubgroups(scenario: Scenario): RpactSubgroup[] {
  const layout = layoutOf(scenario.population);
  const populations = layout.full;
  const digits = (members: number) =>
    Array.from({ length: populations }, (_, k) => k)
      .filter((k) => (members & (1 << k)) !== 0)
      .map((k) => String(k + 1))
      .join('');
  const patterns = Array.from({ length: 2 ** populations - 1 }, (_, i) => i + 1).sort(
    (a, b) => digits(a).length - digits(b).length || digits(a).localeCompare(digits(b)),
  );
  const name = (members: number) => (populations === 1 ? 'S' : `S${digits(members)}`);
  return [...patterns, 0].map((members) => {
    const classified = layout.subgroupIds
      .map((_, j) => j)
      .filter((j) => {
        let holding = 0;
        for (let k = 0; k < populations; k++) if ((layout.populationMask[k] & (1 << j)) !== 0) holding |= 1 << k;
        return holding === members;
      });
    let share = 0;
    for (const j of classified) share += layout.classifiedShare[j];
    return { name: members === 0 ? 'R' : name(members), classified, share };
  });
}
