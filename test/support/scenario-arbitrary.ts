// fast-check generators of scenario documents: every field of SCENARIO.md, each design type with
// its own fields, values anywhere in (and sometimes just outside) their allowed ranges.
import fc from 'fast-check';

const perStatus = (min: number, max: number) => fc.record({ pos: fc.double({ min, max, noNaN: true }), neg: fc.double({ min, max, noNaN: true }) });
const text = (max: number) => fc.string({ maxLength: max, unit: fc.constantFrom('a', 'Z', '0', ' ', '&', '=', '?', '#', '%', '+', ',', '.', '<', '>', '"', 'é', '€', '/') });

const endpoint = fc.oneof(
  fc.record({ type: fc.constant('continuous'), sd: perStatus(0.1, 5), effect: perStatus(-1, 2) }),
  fc.record({ type: fc.constant('binary'), control: perStatus(0.05, 0.9), treatment: perStatus(0.05, 0.95) }),
  fc.record({ type: fc.constant('survival'), controlMedian: perStatus(1, 60), hazardRatio: perStatus(0.3, 1.2), dropoutPerYear: fc.double({ min: 0, max: 0.3, noNaN: true }) }),
);

const selection = fc.record(
  {
    rule: fc.constantFrom('best', 'epsilon', 'all'),
    measure: fc.constantFrom('effect', 'z'),
    epsilon: fc.double({ min: 0, max: 1, noNaN: true }),
    threshold: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: null }),
  },
  { requiredKeys: [] },
);

const design = (index: number, survival: boolean) =>
  fc.oneof(
    fc.record({ type: fc.constantFrom('all-comers', 'enriched'), n: fc.integer({ min: 20, max: 2000 }), interims: fc.option(fc.record({ informationRates: fc.constantFrom([0.5, 1], [0.3, 0.6, 1]), efficacy: fc.constantFrom('none', 'obrien-fleming', 'pocock') }), { nil: undefined }) }),
    fc.record({ type: fc.constant('stratified'), n: fc.integer({ min: 20, max: 2000 }), intersection: fc.constantFrom('bonferroni', 'simes', 'sidak', 'spiessens-debois', 'hierarchical-S', 'hierarchical-F') }),
    fc.record({
      type: fc.constant('adaptive-enrichment'),
      n: fc.integer({ min: 20, max: 1000 }).chain((n1) => fc.integer({ min: n1 + 10, max: n1 + 1000 }).map((total) => [n1, total])),
      intersection: fc.constantFrom('bonferroni', 'simes', 'sidak', 'spiessens-debois'),
      combination: fc.constantFrom('inverse-normal', 'fisher'),
      selection,
      efficacy: fc.constantFrom('none', 'obrien-fleming', 'pocock'),
    }),
  ).chain((fields) =>
    fc.record({ label: fc.option(text(20), { nil: undefined }) }).map(({ label }) => {
      const size = fields.n as number | number[];
      const events = survival ? (Array.isArray(size) ? size.map((n) => Math.max(4, Math.round(n * 0.6))) : Math.max(4, Math.round(size * 0.6))) : undefined;
      const { interims, ...rest } = fields as { interims?: unknown } & Record<string, unknown>;
      return { id: `d${index}`, ...(label === undefined ? {} : { label }), ...rest, ...(interims ? { interims } : {}), ...(events === undefined ? {} : { events }) };
    }),
  );

/** a scenario document, mostly valid; `parseScenario` tells which */
export const scenarioDocument = endpoint.chain((chosen) =>
  fc.record({
    version: fc.constant(1),
    title: text(40),
    alpha: fc.double({ min: 0.001, max: 0.2, noNaN: true }),
    population: fc.record({ prevalence: fc.double({ min: 0.01, max: 0.99, noNaN: true }), sensitivity: fc.double({ min: 0.6, max: 1, noNaN: true }), specificity: fc.double({ min: 0.6, max: 1, noNaN: true }) }),
    endpoint: fc.constant(chosen),
    trial: fc.record({
      allocation: fc.double({ min: 0.2, max: 5, noNaN: true }),
      screeningRate: fc.double({ min: 0.5, max: 500, noNaN: true }),
      endpointDelay: fc.double({ min: 0, max: 24, noNaN: true }),
      costs: fc.record({ perScreened: fc.integer({ min: 0, max: 5000 }), perRandomized: fc.integer({ min: 0, max: 50000 }), perMonth: fc.integer({ min: 0, max: 1e6 }), fixed: fc.integer({ min: 0, max: 1e7 }) }),
    }),
    analysis: fc.record({ statistic: fc.constantFrom('t', 'z'), strata: fc.constantFrom('random', 'fixed'), stratified: fc.boolean() }),
    designs: fc.integer({ min: 1, max: 8 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => design(i, chosen.type === 'survival')))),
    simulation: fc.record({ replicates: fc.integer({ min: 1, max: 100_000 }), seed: text(30) }),
  }),
);
