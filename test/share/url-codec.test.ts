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
      designs: [
        { id: '7', type: 'adaptive-enrichment', n: [180, 360] },
        { id: 'gs', type: 'all-comers', n: 300, interims: { informationRates: [0.5, 1], efficacy: 'pocock' } },
      ],
      simulation: { seed: '123' },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const query = encodeScenarioQuery(parsed.scenario);
    expect(
      query.startsWith('?version=1&title=12%20%26%20%3Cb%3Ex%3C%2Fb%3E&alpha=0.025&population.prevalence=0.3'),
    ).toBe(true);
    expect(query).toContain('&designs.0.n=180,360&');
    expect(query).toContain('&designs.1.interims.informationRates=0.5,1&');
    expect(query).toContain('&simulation.seed=123&');
    expect(decodeScenarioQuery(query)).toEqual(parsed);
  });

  it('every link decodes to a valid scenario or to messages', () => {
    const valid = parseScenario({
      population: { prevalence: 0.3 },
      endpoint: { type: 'binary', control: { pos: 0.2, neg: 0.2 }, treatment: { pos: 0.45, neg: 0.25 } },
      designs: [{ id: 'a', type: 'enriched', n: 100 }],
    });
    if (!valid.ok) throw new Error('fixture');
    const base = encodeScenarioQuery(valid.scenario);
    const mangled = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc
        .string({ maxLength: 40 })
        .chain((junk) =>
          fc.integer({ min: 0, max: base.length }).map((at) => base.slice(0, at) + junk + base.slice(at)),
        ),
      fc.integer({ min: 0, max: base.length }).map((at) => base.slice(0, at)),
      fc
        .tuple(fc.stringMatching(/^[a-zA-Z_.0-9]{1,30}$/), fc.string({ maxLength: 20 }))
        .map(([key, value]) => `${base}&${key}=${encodeURIComponent(value)}`),
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

  describe('trial.currency', () => {
    // a link as Stratum made it before trial.currency existed
    const OLD_LINK =
      '?version=1&title=&alpha=0.025&population.prevalence=0.3&population.sensitivity=1&population.specificity=1' +
      '&endpoint.type=continuous&endpoint.sd.pos=1&endpoint.sd.neg=1&endpoint.effect.pos=0.5&endpoint.effect.neg=0.1' +
      '&trial.allocation=1&trial.screeningRate=20&trial.endpointDelay=0&trial.costs.perScreened=500' +
      '&trial.costs.perRandomized=0&trial.costs.perMonth=0&trial.costs.fixed=0&analysis.statistic=t' +
      '&analysis.strata=random&analysis.stratified=true&designs.0.id=enriched&designs.0.label=' +
      '&designs.0.type=enriched&designs.0.n=150&simulation.replicates=10000&simulation.seed=stratum' +
      '&simulation.method=sufficient';
    const document = {
      population: { prevalence: 0.3 },
      endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
      trial: { costs: { perScreened: 500 } },
      designs: [{ id: 'enriched', type: 'enriched', n: 150 }],
    };

    it('an old link without it opens the same scenario, with no currency, and encodes to the same link', () => {
      const decoded = decodeScenarioQuery(OLD_LINK);
      expect(decoded).toEqual(parseScenario(document));
      if (!decoded.ok) throw new Error(decoded.errors.join('\n'));
      expect('currency' in decoded.scenario.trial).toBe(false);
      expect(encodeScenarioQuery(decoded.scenario)).toBe(OLD_LINK);
    });

    it('a link with it round-trips, and a bad code is named by its field', () => {
      const parsed = parseScenario({ ...document, trial: { ...document.trial, currency: 'CHF' } });
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const query = encodeScenarioQuery(parsed.scenario);
      expect(query).toContain('&trial.costs.fixed=0&trial.currency=CHF&');
      expect(decodeScenarioQuery(query)).toEqual(parsed);
      for (const bad of ['chf', 'null', '123', 'CHFX']) {
        const decoded = decodeScenarioQuery(query.replace('trial.currency=CHF', `trial.currency=${bad}`));
        expect(decoded.ok).toBe(false);
        if (!decoded.ok)
          expect(decoded.errors).toEqual([expect.stringMatching(/^trial\.currency: must be an ISO 4217/)]);
      }
    });
  });

  it('names the problem in a tampered link', () => {
    const cases: [string, RegExp][] = [
      ['', /no scenario/],
      ['?version=2&population.prevalence=0.3', /version/],
      ['?__proto__.polluted=1', /not a scenario field/],
      ['?constructor.prototype.x=1&population.prevalence=0.5', /constructor/],
      ['?alpha=0.1&alpha=0.2', /given more than once/],
      ['?designs.12.n=3', /not a scenario field/],
      [
        '?population.prevalence=1.5&designs.0.id=a&designs.0.type=enriched&designs.0.n=10&endpoint.type=continuous',
        /population\.prevalence/,
      ],
      ['?' + 'a'.repeat(MAX_QUERY_LENGTH + 1), /characters long/],
    ];
    for (const [link, message] of cases) {
      const decoded = decodeScenarioQuery(link);
      expect(decoded.ok, link).toBe(false);
      if (!decoded.ok) expect(decoded.errors.join('\n')).toMatch(message);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe('text that is no UTF-8 (never a throw, always a message)', () => {
    const valid = parseScenario({
      population: { prevalence: 0.3 },
      endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0 } },
      designs: [{ id: 'a', type: 'enriched', n: 100 }],
    });
    if (!valid.ok) throw new Error('fixture');
    const pairs = encodeScenarioQuery(valid.scenario).slice(1).split('&');
    /** the valid link with `key`'s raw (still percent-encoded) value replaced */
    const withValue = (key: string, raw: string) =>
      '?' + [...pairs.filter((pair) => !pair.startsWith(`${key}=`)), `${key}=${raw}`].join('&');
    const errorsOf = (link: string) => {
      const decoded = decodeScenarioQuery(link);
      expect(decoded.ok, link).toBe(false);
      return decoded.ok ? [] : decoded.errors;
    };
    const notUtf8 = (key: string, raw: string) =>
      `"${key}": not UTF-8 text once percent-decoded (a tampered link?), got "${raw}"`;

    it('names a percent-encoded lone surrogate or a broken byte sequence instead of turning it into U+FFFD', () => {
      expect(errorsOf(withValue('title', '%ED%A0%80'))).toEqual([notUtf8('title', '%ED%A0%80')]);
      // the value is left out, so the contract also finds the id missing
      expect(errorsOf(withValue('designs.0.id', 'a%C3'))).toEqual([
        notUtf8('designs.0.id', 'a%C3'),
        expect.stringMatching(/^designs\[0\]\.id: required/),
      ]);
      expect(errorsOf(withValue('%FF', '1'))).toEqual([notUtf8('%FF', '%FF')]);
    });

    it('names a lone surrogate in a value by its field, as the contract does for a file', () => {
      expect(errorsOf(withValue('title', 'trial\uD800'))).toEqual([
        'title: must be text of at most 200 characters without unpaired surrogates (U+D800–U+DFFF), ' +
          'got "trial\\ud800"',
      ]);
      expect(errorsOf(withValue('designs.0.label', '\uDC00'))).toEqual([
        expect.stringMatching(/^designs\[0\]\.label: .*without unpaired surrogates/),
      ]);
    });

    it('still reads `+` as a space and a `%` without two hex digits as itself', () => {
      const decoded = decodeScenarioQuery(withValue('title', '100%+sure'));
      expect(decoded.ok && decoded.scenario.title).toBe('100% sure');
    });

    it('decodes any UTF-16 and any bytes to a scenario that encodes again, or to messages', () => {
      const units = fc
        .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 })
        .map((codes) => String.fromCharCode(...codes));
      const bytes = fc
        .array(fc.integer({ min: 0, max: 255 }), { maxLength: 8 })
        .map((list) => list.map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''));
      const key = fc.constantFrom('title', 'simulation.seed', 'designs.0.label', 'alpha');
      let valid = 0;
      fc.assert(
        fc.property(key, fc.oneof(units, bytes), (field, junk) => {
          const decoded = decodeScenarioQuery(withValue(field, junk));
          if (decoded.ok) valid++;
          if (decoded.ok) expect(() => encodeScenarioQuery(decoded.scenario)).not.toThrow();
          else for (const error of decoded.errors) expect(/\p{Cs}/u.test(error), error).toBe(false);
        }),
        { numRuns: 1000, seed: 11 },
      );
      expect(valid).toBeGreaterThan(100);
    });
  });
});
