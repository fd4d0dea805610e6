// The report of a scenario with several populations: every table number is the value at its path, to
// the precision shown, as for one marker (report.test.ts); the assumptions give the subgroups, the
// populations, the assay and each population's share and effect (its composition's mix of the
// subgroups' effects); the tables are keyed by population id; the R code is rpact's enrichment call.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import type { Scenario } from '../../src/engine/scenario/types.js';
import { simulate } from '../../src/engine/simulate.js';
import { buildReport } from '../../src/report/build-report.js';
import { type ReportNumbers, valueAt } from '../../src/report/numbers.js';
import { computeReport } from '../../src/report/report-data.js';
import { renderHtml } from '../../src/report/render-html.js';
import cases from '../fixtures/reference/rpact-rcode-populations.json';
import { displayedMatches } from '../support/displayed-number.js';

const META = { date: '2026-12-02', version: 'test', link: '?version=1' };
/** every simulation of the report at a few replicates: the report's shape, not its precision, is tested */
const quick = (scenario: Scenario) =>
  simulate({ ...scenario, simulation: { ...scenario.simulation, replicates: 400 } });

const assay = { high: { high: 0.9, low: 0.1 }, low: { low: 1 }, neg: { neg: 1 } };
const document = {
  ...cases[0].scenario,
  population: { ...cases[0].scenario.population, assay },
  designs: [
    ...cases[0].scenario.designs,
    { id: 'enriched', type: 'enriched', population: 'S2', n: 200 },
    { id: 'ordered', type: 'stratified', n: 400, intersection: 'hierarchical', order: ['S1', 'S2', 'F'] },
  ],
  simulation: { replicates: 400, seed: 'report-populations' },
};

let html: string;
let numbers: ReportNumbers;

beforeAll(async () => {
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const data = await computeReport(parsed.scenario, { power: 0.8, hypothesis: 'S1' }, quick);
  const report = buildReport(data, META);
  numbers = report.numbers as ReportNumbers;
  html = renderHtml(report);
}, 120_000);

describe('the report of several populations', () => {
  it('shows every table number as the value at its path, to the precision shown', () => {
    const cells = [...html.matchAll(/<span data-path="([^"]+)" data-value="([^"]+)">([^<]*)<\/span>/g)];
    expect(cells.length).toBeGreaterThan(60);
    for (const [, path, value, shown] of cells) {
      expect(valueAt(numbers, path), path).toBe(Number(value));
      expect(displayedMatches(shown, Number(value)), `${path}: ${shown} for ${value}`).toBe(true);
    }
    for (const [, cell] of html.matchAll(/<td>(.*?)<\/td>/g)) {
      const bare = cell.replace(/<span data-(?:path|from)="[^"]*"(?: data-value="[^"]*")?>[^<]*<\/span>/g, '');
      expect(bare, cell).not.toMatch(/\d/);
    }
  });

  it('each population’s share and effect: its composition’s mix of the subgroups’ effects', () => {
    // S1 holds those classified high: all of them truly high; S2 also the truly high classified low
    expect(numbers.populations?.S1).toEqual({ share: 0.225, effect: 0.6 });
    expect(numbers.populations?.S2.share).toBeCloseTo(0.6, 12);
    expect(numbers.populations?.S2.effect).toBeCloseTo((0.25 * 0.6 + 0.35 * 0.3) / 0.6, 12);
    expect(numbers.populations?.F.effect).toBeCloseTo(0.25 * 0.6 + 0.35 * 0.3, 12);
    for (const words of ['Share of subgroup low', 'Population S2, its subgroups', 'P(classified as … | truly high)'])
      expect(html).toContain(words);
  });

  it('keys the tables by population and writes the procedures over every hypothesis', () => {
    for (const column of ['H_S1', 'H_S2', 'H_F (everyone)', 'P(S2 kept for stage 2)'])
      expect(html).toContain(`<th scope="col">${column}</th>`);
    expect(html).not.toContain('H_S (assay-positive)');
    expect(html).toContain('over the 7 intersections of the 3 hypotheses');
    expect(html).toContain('in the order H_S1, H_S2 and H_F');
    expect(html).toContain('Power against size and the cost at the target are not drawn for H_S1');
    expect(html).toContain('getSimulationEnrichmentMeans');
    expect(html).toContain('# Approximation: the assay is imperfect (population.assay)');
  });
});
