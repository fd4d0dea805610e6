// When a survival design's analyses happen (docs/scenario.md, "Analysis timing"): when the
// population `eventsIn` names has had the design's `events` (absent: the tested population, and for
// an adaptive design F at the interim and the kept population at the end), or at calendar `months`
// since the first patient was randomised. And the rules between them and the rest of the scenario:
// - months or events, not both; months not beside interims (a group-sequential boundary is set on
//   information fractions that calendar looks do not fix) nor beside re-sizing (which sets stage 2's
//   events);
// - an enriched design randomises S only, so its events are S's: it has no `eventsIn`;
// - a hazard piece that starts at or after a calendar design's last analysis never acts in it.
import { child, item, mustBe, numberIn, oneOf, own } from './checks.js';
import type { Context, Field, Issues } from './checks.js';
import { stagePair, type Size } from './sizes.js';
import type { Design, DesignType, Piecewise, SurvivalEndpoint } from './types.js';

/** a hundred years: beyond any trial, small enough that the integrals over months stay exact */
const MAX_MONTHS = 1200;
const MONTH = numberIn({ min: 0, minOpen: true }, undefined, { max: MAX_MONTHS, why: 'a hundred years' });
const MONTH_FIELDS = { 1: MONTH, 2: stagePair(MONTH, 'months with 0 <', ['m1', 'M']) } as const;
const ONE_MARKER_EVENTS_IN = oneOf(['S', 'F'] as const);

/** the population whose events time the analyses: S or F, or with several populations one of theirs or F */
export const EVENTS_IN: Field<string> = {
  allowed: '"S" or "F" (with several populations: a population id or "F")',
  read(value, path, issues, context) {
    const known = context.populations;
    if (known === undefined) return ONE_MARKER_EVENTS_IN.read(value, path, issues, context);
    const ids = [...known, 'F'];
    if (typeof value === 'string' && (known.length === 0 || ids.includes(value))) return value;
    return mustBe(issues, path, `a population id or "F" (${ids.join(', ')})`, value);
  },
};

export type Timing = { months?: Size; eventsIn?: string };

/** What `months` accepts for a design of 1 or 2 stages (for messages and help texts). */
export const monthsField = (stages: 1 | 2): Field<Size> => MONTH_FIELDS[stages];

/** `months` and `eventsIn` of a survival design (`sizeKeys` has already refused them elsewhere) */
export function readTiming(
  record: Record<string, unknown>,
  path: string,
  type: DesignType,
  stages: 1 | 2,
  context: Context,
  issues: Issues,
): Timing {
  const timing: Timing = {};
  if (context.endpointType !== 'survival') return timing;
  const months = own(record, 'months');
  if (months !== undefined) {
    const at = child(path, 'months');
    const read = monthsField(stages).read(months, at, issues, context);
    if (read !== undefined) timing.months = read;
    if (own(record, 'events') !== undefined)
      issues.push(`${at}: not with events: the analyses come at events or at calendar months, not both`);
    if (own(record, 'interims') !== undefined)
      issues.push(
        `${at}: not with interims: a group-sequential design's looks come at fractions of its events; give events`,
      );
    if (own(record, 'recalculation') !== undefined)
      issues.push(`${at}: not with recalculation: re-sizing sets stage 2's events; give events`);
  }
  const eventsIn = own(record, 'eventsIn');
  if (eventsIn !== undefined) {
    const at = child(path, 'eventsIn');
    if (type === 'enriched')
      issues.push(
        `${at}: not a field of enriched designs (they randomise one population, whose events time their analyses)`,
      );
    else {
      const read = EVENTS_IN.read(eventsIn, at, issues, context);
      if (read !== undefined) timing.eventsIn = read;
    }
  }
  return timing;
}

/** the last calendar month a design analyses at, if its analyses come at months */
function lastMonth(design: Design): number | undefined {
  const { months } = design;
  return Array.isArray(months) ? months[1] : months;
}

/** report every hazard piece that starts at or after the last analysis of a design timed by months */
export function checkPiecesBeforeLastAnalysis(endpoint: SurvivalEndpoint, designs: Design[], issues: Issues): void {
  let last = -Infinity;
  let which = -1;
  designs.forEach((design, index) => {
    const month = lastMonth(design);
    if (month !== undefined && month > last) [last, which] = [month, index];
  });
  if (which < 0) return;
  const check = (pieces: Piecewise | undefined, path: string) => {
    if (!Array.isArray(pieces)) return;
    pieces.forEach((piece, index) => {
      if (piece.from < last) return;
      const words = `before month ${last}, designs[${which}]'s last analysis (a later piece never acts)`;
      mustBe(issues, child(item(path, index), 'from'), words, piece.from);
    });
  };
  for (const status of ['pos', 'neg'] as const) {
    check(endpoint.hazardRatio[status], `endpoint.hazardRatio.${status}`);
    check(endpoint.controlHazard?.[status], `endpoint.controlHazard.${status}`);
  }
}
