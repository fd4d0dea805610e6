// Share links: every valid scenario survives encode → decode exactly; every link, however mangled,
// decodes to a valid scenario or to messages (never a throw, never anything but data).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse.js';
import { decodeScenarioQuery, encodeScenarioQuery, MAX_QUERY_LENGTH } from '../../src/share/url-codec.js';
import { scenarioDocument } from '../support/scenario-arbitrary.js';

describe('share link codec', () => {
  it('round-trips every valid scenario exactly', () => {
    let valid = 0;
    fc.assert(
      fc.property(scenarioDocument, (document) => {
        const parsed = parseScenario(document);
        if (!parsed.ok) return;
        valid++;
        const query = encodeScenarioQuery(parsed.scenario);
        const decoded = decodeScenarioQuery(query);
        expect(decoded).toEqual({ ok: true, scenario: parsed.scenario });
        // also from a whole URL on any host and sub-path, with a fragment
        expect(decodeScenarioQuery(`https://example.org/some/path/index.html${query}#results`)).toEqual(decoded);
      }),
      { numRuns: 400, seed: 20261125 },
    );
    expect(valid).toBeGreaterThan(200); // the generator mostly makes valid scenarios, so the property is exercised
  });

  it('keeps text fields as text, lists as lists, and readable keys', () => {
    const parsed = parseScenario({
      title: '12 & <b>x</b>',
      population: { prevalence: 0.3 },
      endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
      designs: [{ id: '7', type: 'adaptive-enrichment', n: [180, 360] }, { id: 'gs', type: 'all-comers', n: 300, interims: { informationRates: [0.5, 1], efficacy: 'pocock' } }],
      simulation: { seed: '123' },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const query = encodeScenarioQuery(parsed.scenario);
    expect(query.startsWith('?version=1&title=12%20%26%20%3Cb%3Ex%3C%2Fb%3E&alpha=0.025&population.prevalence=0.3')).toBe(true);
    expect(query).toContain('&designs.0.n=180,360&');
    expect(query).toContain('&designs.1.interims.informationRates=0.5,1&');
    expect(query).toContain('&simulation.seed=123&');
    expect(decodeScenarioQuery(query)).toEqual(parsed);
  });

  it('every link decodes to a valid scenario or to messages', () => {
    const valid = parseScenario({ population: { prevalence: 0.3 }, endpoint: { type: 'binary', control: { pos: 0.2, neg: 0.2 }, treatment: { pos: 0.45, neg: 0.25 } }, designs: [{ id: 'a', type: 'enriched', n: 100 }] });
    if (!valid.ok) throw new Error('fixture');
    const base = encodeScenarioQuery(valid.scenario);
    const mangled = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ maxLength: 40 }).chain((junk) => fc.integer({ min: 0, max: base.length }).map((at) => base.slice(0, at) + junk + base.slice(at))),
      fc.integer({ min: 0, max: base.length }).map((at) => base.slice(0, at)),
      fc.tuple(fc.stringMatching(/^[a-zA-Z_.0-9]{1,30}$/), fc.string({ maxLength: 20 })).map(([key, value]) => `${base}&${key}=${encodeURIComponent(value)}`),
    );
    fc.assert(
      fc.property(mangled, (link) => {
        const decoded = decodeScenarioQuery(link);
        if (decoded.ok) expect(parseScenario(decoded.scenario)).toEqual(decoded);
        else {
          expect(decoded.errors.length).toBeGreaterThan(0);
          for (const error of decoded.errors) expect(typeof error).toBe('string');
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('names the problem in a tampered link', () => {
    const cases: [string, RegExp][] = [
      ['', /no scenario/],
      ['?version=2&population.prevalence=0.3', /version/],
      ['?__proto__.polluted=1', /not a scenario field/],
      ['?constructor.prototype.x=1&population.prevalence=0.5', /constructor/],
      ['?alpha=0.1&alpha=0.2', /given more than once/],
      ['?designs.12.n=3', /not a scenario field/],
      ['?population.prevalence=1.5&designs.0.id=a&designs.0.type=enriched&designs.0.n=10&endpoint.type=continuous', /population\.prevalence/],
      ['?' + 'a'.repeat(MAX_QUERY_LENGTH + 1), /characters long/],
    ];
    for (const [link, message] of cases) {
      const decoded = decodeScenarioQuery(link);
      expect(decoded.ok, link).toBe(false);
      if (!decoded.ok) expect(decoded.errors.join('\n')).toMatch(message);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
