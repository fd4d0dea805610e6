// Share links of survival endpoints beyond one hazard ratio: a list of pieces travels as one key per
// piece and field (`endpoint.hazardRatio.pos.1.from=4`), and a link made before pieces existed opens
// the same scenario and encodes to the same link.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import { decodeScenarioQuery, encodeScenarioQuery } from '../../src/share/url-codec.js';

/** `stratum url` of a survival scenario before pieces existed (commit 0c53abc), kept as it was printed */
const OLD_LINK =
  '?version=1&title=&alpha=0.025&population.prevalence=0.4&population.sensitivity=0.9&population.specificity=1' +
  '&endpoint.type=survival&endpoint.controlMedian.pos=9&endpoint.controlMedian.neg=14' +
  '&endpoint.hazardRatio.pos=0.65&endpoint.hazardRatio.neg=0.9&endpoint.dropoutPerYear=0.05' +
  '&trial.allocation=1&trial.screeningRate=20&trial.endpointDelay=0&trial.costs.perScreened=0' +
  '&trial.costs.perRandomized=0&trial.costs.perMonth=0&trial.costs.fixed=0' +
  '&analysis.statistic=t&analysis.strata=random&analysis.stratified=true' +
  '&designs.0.id=st&designs.0.label=&designs.0.type=stratified&designs.0.n=400&designs.0.events=250' +
  '&designs.0.intersection=simes&designs.1.id=ae&designs.1.label=&designs.1.type=adaptive-enrichment' +
  '&designs.1.n=200,400&designs.1.events=100,250&designs.1.intersection=simes&designs.1.combination=inverse-normal' +
  '&designs.1.selection.rule=best&designs.1.selection.measure=effect&designs.1.selection.epsilon=0.1' +
  '&designs.1.selection.threshold=null&designs.1.efficacy=none' +
  '&simulation.replicates=2000&simulation.seed=old&simulation.method=patient';

const OLD_FILE = {
  population: { prevalence: 0.4, sensitivity: 0.9 },
  endpoint: {
    type: 'survival',
    controlMedian: { pos: 9, neg: 14 },
    hazardRatio: { pos: 0.65, neg: 0.9 },
    dropoutPerYear: 0.05,
  },
  designs: [
    { id: 'st', type: 'stratified', n: 400, events: 250 },
    { id: 'ae', type: 'adaptive-enrichment', n: [200, 400], events: [100, 250] },
  ],
  simulation: { replicates: 2000, seed: 'old' },
};

const piecewise = {
  population: { prevalence: 0.4 },
  endpoint: {
    type: 'survival',
    controlMedian: { pos: 12 },
    controlHazard: {
      neg: Array.from({ length: 14 }, (_, i) => ({ from: 3 * i, value: 0.08 - 0.005 * i })),
    },
    shape: { pos: 1.3 },
    hazardRatio: {
      pos: [
        { from: 0, value: 1 },
        { from: 4, value: 0.6 },
      ],
      neg: 0.9,
    },
  },
  designs: [{ id: 'ac', type: 'all-comers', n: 400, events: 250 }],
};

describe('share links with pieces', () => {
  it('an old link opens the scenario it always did, and encodes to itself', () => {
    const decoded = decodeScenarioQuery(OLD_LINK);
    expect(decoded).toEqual(parseScenario(OLD_FILE));
    if (!decoded.ok) throw new Error(decoded.errors.join('\n'));
    expect(encodeScenarioQuery(decoded.scenario)).toBe(OLD_LINK);
  });

  it('pieces travel as one key per piece and field, and come back exactly', () => {
    const parsed = parseScenario(piecewise);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const query = encodeScenarioQuery(parsed.scenario);
    expect(query).toContain(
      '&endpoint.hazardRatio.pos.0.from=0&endpoint.hazardRatio.pos.0.value=1' +
        '&endpoint.hazardRatio.pos.1.from=4&endpoint.hazardRatio.pos.1.value=0.6&endpoint.hazardRatio.neg=0.9&',
    );
    expect(query).toContain('&endpoint.controlHazard.neg.13.from=39&');
    expect(query).toContain('&endpoint.shape.pos=1.3&');
    expect(decodeScenarioQuery(query)).toEqual(parsed);
  });

  it('a tampered list gives the contract’s messages, naming the piece', () => {
    const parsed = parseScenario(piecewise);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const query = encodeScenarioQuery(parsed.scenario);
    const gap = query.replace(/&endpoint\.hazardRatio\.pos\.0\.(from|value)=[^&]*/g, '');
    expect(decodeScenarioQuery(gap)).toEqual({
      ok: false,
      errors: ['endpoint.hazardRatio.pos[0]: must be an object { from, value }, got null'],
    });
    const late = query.replace('endpoint.hazardRatio.pos.1.from=4', 'endpoint.hazardRatio.pos.1.from=0');
    expect(decodeScenarioQuery(late)).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^endpoint\.hazardRatio\.pos\[1\]\.from: must be greater than/)],
    });
    expect(decodeScenarioQuery(`${query}&endpoint.hazardRatio.neg.0.from=0`)).toMatchObject({
      ok: false,
      errors: ['"endpoint.hazardRatio.neg.0.from": clashes with another key'],
    });
    // 20 pieces at most: an index of 20 is no piece
    expect(decodeScenarioQuery(`${query}&endpoint.hazardRatio.pos.20.from=50`)).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^"endpoint\.hazardRatio\.pos\.20\.from": not a scenario field/)],
    });
  });
});
