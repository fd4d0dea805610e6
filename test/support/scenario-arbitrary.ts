// fast-check generators of scenario documents: every field of docs/scenario.md, each design type with
// its own fields, values anywhere in (and sometimes just outside) their allowed ranges.
import fc from 'fast-check';

const perStatus = (min: number, max: number) =>
  fc.record({ pos: fc.double({ min, max, noNaN: true }), neg: fc.double({ min, max, noNaN: true }) });
const text = (max: number) =>
  fc.string({
    maxLength: max,
    unit: fc.constantFrom('a', 'Z', '0', ' ', '&', '=', '?', '#', '%', '+', ',', '.', '<', '>', '"', 'é', '€', '/'),
  });

/** a value of the usual kind, or now and then one at the edge of what the contract accepts */
const orEdge = (usual: fc.Arbitrary<number>, ...edges: number[]) =>
  fc.oneof({ arbitrary: usual, weight: 9 }, { arbitrary: fc.constantFrom(...edges), weight: 1 });
const edgePerStatus = (min: number, max: number, ...edges: number[]) =>
  fc.record({
    pos: orEdge(fc.double({ min, max, noNaN: true }), ...edges),
    neg: orEdge(fc.double({ min, max, noNaN: true }), ...edges),
  });

/** pieces from month 0, months increasing, values in [min, max] */
const pieces = (min: number, max: number) =>
  fc
    .array(
      fc.record({ step: fc.double({ min: 0.5, max: 24, noNaN: true }), value: fc.double({ min, max, noNaN: true }) }),
      { minLength: 1, maxLength: 4 },
    )
    .map((list) => {
      const read: { from: number; value: number }[] = [];
      for (const [i, { step, value }] of list.entries())
        read.push({ from: i === 0 ? 0 : read[i - 1].from + step, value });
      return read;
    });
/** a survival endpoint beyond one hazard ratio: per status a median (with a Weibull shape or not) or hazard pieces */
const changingHazards = fc
  .record({
    byHazard: fc.record({ pos: fc.boolean(), neg: fc.boolean() }),
    median: perStatus(1, 60),
    hazard: fc.record({ pos: pieces(0.005, 0.3), neg: pieces(0.005, 0.3) }),
    shape: fc.record({
      pos: fc.option(fc.double({ min: 0.5, max: 3, noNaN: true }), { nil: undefined }),
      neg: fc.option(fc.double({ min: 0.5, max: 3, noNaN: true }), { nil: undefined }),
    }),
    hazardRatio: fc.record({
      pos: fc.oneof(fc.double({ min: 0.3, max: 1.2, noNaN: true }), pieces(0.3, 1.2)),
      neg: fc.oneof(fc.double({ min: 0.3, max: 1.2, noNaN: true }), pieces(0.3, 1.2)),
    }),
    dropoutPerYear: fc.double({ min: 0, max: 0.3, noNaN: true }),
  })
  .map(({ byHazard, median, hazard, shape, hazardRatio, dropoutPerYear }) => {
    const only = <T>(pair: { pos: T; neg: T }, keep: { pos: boolean; neg: boolean }) =>
      Object.fromEntries(
        (['pos', 'neg'] as const)
          .filter((status) => keep[status] && pair[status] !== undefined)
          .map((status) => [status, pair[status]]),
      );
    const byMedian = { pos: !byHazard.pos, neg: !byHazard.neg };
    return {
      type: 'survival',
      controlMedian: only(median, byMedian),
      controlHazard: only(hazard, byHazard),
      shape: only(shape, byMedian),
      hazardRatio,
      dropoutPerYear,
    };
  });

const endpoint = fc.oneof(
  fc.record({
    type: fc.constant('continuous'),
    sd: edgePerStatus(0.1, 5, 1e-6, 1e6),
    effect: edgePerStatus(-1, 2, -1e6, 1e6),
  }),
  fc.record({ type: fc.constant('binary'), control: perStatus(0.05, 0.9), treatment: perStatus(0.05, 0.95) }),
  fc.record({
    type: fc.constant('survival'),
    controlMedian: edgePerStatus(1, 60, 0.1, 1200),
    hazardRatio: edgePerStatus(0.3, 1.2, 0.01, 100),
    dropoutPerYear: fc.double({ min: 0, max: 0.3, noNaN: true }),
  }),
  changingHazards,
);

const recalculation = fc.option(
  fc.record({
    conditionalPower: fc.double({ min: 0.5, max: 0.95, noNaN: true }),
    minStage2: fc.integer({ min: 1, max: 100 }),
    maxStage2: fc.integer({ min: 100, max: 3000 }),
    assumedEffect: fc.double({ min: 0.3, max: 0.9, noNaN: true }),
  }),
  { nil: undefined },
);

const selection = fc
  .record(
    {
      rule: fc.constantFrom('best', 'rbest', 'epsilon', 'all'),
      r: fc.integer({ min: 1, max: 4 }),
      measure: fc.constantFrom('effect', 'z'),
      epsilon: fc.double({ min: 0, max: 1, noNaN: true }),
      threshold: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: null }),
    },
    { requiredKeys: [] },
  )
  // r belongs to rbest alone
  .map(({ r, ...rest }) => (rest.rule === 'rbest' ? { ...rest, r: r ?? 2 } : rest));

const design = (index: number, survival: boolean) =>
  fc
    .oneof(
      fc.record({
        type: fc.constantFrom('all-comers', 'enriched'),
        n: fc.integer({ min: 20, max: 2000 }),
        interims: fc.option(
          fc.record({
            informationRates: fc.constantFrom([0.5, 1], [0.3, 0.6, 1]),
            efficacy: fc.constantFrom('none', 'obrien-fleming', 'pocock'),
          }),
          { nil: undefined },
        ),
      }),
      fc.record({
        type: fc.constant('stratified'),
        n: fc.integer({ min: 20, max: 2000 }),
        intersection: fc.constantFrom(
          'bonferroni',
          'simes',
          'sidak',
          'spiessens-debois',
          'hierarchical-S',
          'hierarchical-F',
        ),
      }),
      fc.record({
        type: fc.constant('adaptive-enrichment'),
        n: fc
          .integer({ min: 20, max: 1000 })
          .chain((n1) => fc.integer({ min: n1 + 10, max: n1 + 1000 }).map((total) => [n1, total])),
        intersection: fc.constantFrom('bonferroni', 'simes', 'sidak', 'spiessens-debois'),
        combination: fc.constantFrom('inverse-normal', 'fisher'),
        selection,
        efficacy: fc.constantFrom('none', 'obrien-fleming', 'pocock'),
        recalculation,
      }),
    )
    .chain((fields) =>
      // survival: events from 30% of the patients to all of them, so some targets are out of reach
      fc
        .record({
          label: fc.option(text(20), { nil: undefined }),
          eventShare: fc.double({ min: 0.3, max: 1, noNaN: true }),
          // survival: analyses at calendar months now and then (where no interim or re-sizing forbids it)
          calendar: fc.boolean(),
          month: fc.double({ min: 2, max: 60, noNaN: true }),
          eventsIn: fc.constantFrom(undefined, 'S', 'F'),
        })
        .map(({ label, eventShare, calendar, month, eventsIn }) => {
          const size = fields.n as number | number[];
          const toEvents = (n: number) => Math.max(4, Math.min(n, Math.round(n * eventShare)));
          const {
            interims,
            recalculation: resize,
            ...rest
          } = fields as { interims?: unknown; recalculation?: unknown } & Record<string, unknown>;
          const atMonths = survival && calendar && !interims && !resize;
          const months = Array.isArray(size) ? [month, 2 * month] : month;
          const events =
            survival && !atMonths ? (Array.isArray(size) ? size.map(toEvents) : toEvents(size)) : undefined;
          return {
            id: `d${index}`,
            ...(label === undefined ? {} : { label }),
            ...rest,
            ...(interims ? { interims } : {}),
            ...(resize ? { recalculation: resize } : {}),
            ...(events === undefined ? {} : { events }),
            ...(atMonths ? { months } : {}),
            ...(survival && eventsIn && fields.type !== 'enriched' ? { eventsIn } : {}),
          };
        }),
    );

/** a scenario document, mostly valid; `parseScenario` tells which */
export const scenarioDocument = endpoint.chain((chosen) =>
  fc.record({
    version: fc.constant(1),
    title: text(40),
    alpha: orEdge(fc.double({ min: 0.001, max: 0.2, noNaN: true }), 1e-6),
    population: fc.record({
      prevalence: orEdge(fc.double({ min: 0.01, max: 0.99, noNaN: true }), 0.001, 0.999),
      // a perfect assay half the time: the asymptotic survival method needs one
      sensitivity: fc.oneof(fc.constant(1), fc.double({ min: 0.6, max: 1, noNaN: true })),
      specificity: fc.oneof(fc.constant(1), fc.double({ min: 0.6, max: 1, noNaN: true })),
    }),
    endpoint: fc.constant(chosen),
    trial: fc.record({
      allocation: fc.double({ min: 0.2, max: 5, noNaN: true }),
      screeningRate: orEdge(fc.double({ min: 0.5, max: 500, noNaN: true }), 0.01, 1e6),
      endpointDelay: orEdge(fc.double({ min: 0, max: 24, noNaN: true }), 600),
      costs: fc.record({
        perScreened: orEdge(fc.integer({ min: 0, max: 5000 }), 1e12),
        perRandomized: orEdge(fc.integer({ min: 0, max: 50000 }), 1e12),
        perMonth: orEdge(fc.integer({ min: 0, max: 1e6 }), 1e12),
        fixed: orEdge(fc.integer({ min: 0, max: 1e7 }), 1e12),
      }),
    }),
    analysis: fc.record({
      statistic: fc.constantFrom('t', 'z'),
      strata: fc.constantFrom('random', 'fixed'),
      stratified: fc.boolean(),
    }),
    designs: fc
      .integer({ min: 1, max: 8 })
      .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => design(i, chosen.type === 'survival')))),
    simulation: fc.record({ replicates: fc.integer({ min: 1, max: 100_000 }), seed: text(30) }),
  }),
);
