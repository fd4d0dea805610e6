// trial.currency: an optional ISO 4217 code; absent when not given (the filled scenario has no key),
// and a bad value named by its path.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { continuousEndpoint } from '../../support/scenarios.js';

const document = (trial: Record<string, unknown>) => ({
  population: { prevalence: 0.3 },
  endpoint: continuousEndpoint(0.5, 0.1),
  trial,
  designs: [{ id: 'a', type: 'enriched', n: 100 }],
});

describe('trial.currency', () => {
  it('is kept as given, and absent when not given', () => {
    for (const code of ['EUR', 'USD', 'CHF', 'JPY']) {
      const parsed = parseScenario(document({ currency: code }));
      expect(parsed.ok && parsed.scenario.trial.currency).toBe(code);
    }
    const without = parseScenario(document({ costs: { perScreened: 100 } }));
    if (!without.ok) throw new Error(without.errors.join('\n'));
    expect(Object.keys(without.scenario.trial)).toEqual(['allocation', 'screeningRate', 'endpointDelay', 'costs']);
  });

  it.each([['eur'], ['EURO'], ['EU'], [''], ['€'], ['E1R'], [978], [null], [{ code: 'EUR' }]])(
    'refuses %j, naming the field',
    (value) => {
      const parsed = parseScenario(document({ currency: value }));
      expect(parsed).toEqual({
        ok: false,
        errors: [
          'trial.currency: must be an ISO 4217 currency code, three capital letters such as "EUR", "USD" or "CHF", ' +
            `got ${JSON.stringify(value)}`,
        ],
      });
    },
  );
});
