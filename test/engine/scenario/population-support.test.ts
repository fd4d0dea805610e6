// The one refusal of a scenario in the several-populations form by what was made for one marker
// (population-support.ts); the CLI and the page say it (test/cli/several-populations.test.ts,
// test/browser/app.test.ts).
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parse.js';
import { severalPopulationsRefused } from '../../../src/engine/scenario/population-support.js';
import type { Scenario } from '../../../src/engine/scenario/types.js';
import cases from '../../fixtures/reference/rpact-populations.json';
import { continuous } from './documents.js';

function parsed(document: unknown): Scenario {
  const result = parseScenario(document);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

describe('who does not take several populations yet', () => {
  it('says so at population.subgroups, in one message', () => {
    const several = parsed(cases[0].scenario);
    expect(severalPopulationsRefused(several, 'stratum solve')).toBe(
      'population.subgroups: stratum solve does not take several biomarker populations yet (docs/populations.md)',
    );
    expect(severalPopulationsRefused(several, 'the page', 'show')).toBe(
      'population.subgroups: the page does not show several biomarker populations yet (docs/populations.md)',
    );
    expect(severalPopulationsRefused(parsed(continuous()), 'stratum solve')).toBeUndefined();
  });
});
