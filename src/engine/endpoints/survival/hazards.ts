// The survival law of every slot (arm × cell), as pieces of the months since randomisation. Per true
// subgroup (a marker status in the one-marker form) the control arm has a piecewise-constant hazard
// (controlHazard; a median alone is the one piece ln 2 / median) or a Weibull law of that median and
// shape; treatment multiplies the control hazard by the subgroup's hazard ratio, itself piecewise.
// Both arms of a subgroup share the merged breakpoints of the two, so piece j is the same months in
// either arm.
//
// Within piece j, from month b_j, the cumulative hazard is H(t) = H_j + λ_j·(t^k − b_j^k): k = 1 for
// piecewise-constant hazards (λ_j the hazard), k the Weibull shape otherwise, with baseline
// ln 2·(t/median)^k. An event time is H⁻¹(E) for a standard exponential E, which for one piece is
// E/λ, the exponential sampler's own draw. Dropout is exponential with hazard −ln(1 − p)/12 for
// `dropoutPerYear` p.
import type { CellLayout } from '../../population-model.js';
import { ARMS } from '../stage.js';
import { piecesOf } from '../../scenario/pieces.js';
import type { Piece, SurvivalEndpoint } from '../../scenario/types.js';

/** what the laws need of the cell layout: each cell's true subgroup, whose id keys the endpoint's maps */
export type SlotLayout = Pick<CellLayout, 'cells' | 'cellTrue' | 'subgroupIds'>;

export class SurvivalHazards {
  /** slots: arm × cell, treatment's first (slot = arm·cells + cell) */
  readonly slots: number;
  /** slot s's pieces are [first[s], first[s + 1]) of the arrays below */
  readonly first: Int32Array;
  /** month the piece starts */
  readonly start: Float64Array;
  /** start^k */
  readonly origin: Float64Array;
  /** H at the piece's start */
  readonly cumulative: Float64Array;
  /** λ: hazard (k = 1) or coefficient of t^k within the piece */
  readonly rate: Float64Array;
  /** the piece's hazard ratio, treatment : control (the same in both arms' pieces) */
  readonly hazardRatio: Float64Array;
  /** Weibull shape k per slot, 1 for piecewise-constant hazards */
  readonly shape: Float64Array;
  /** dropout hazard per month */
  readonly dropout: number;

  constructor(endpoint: SurvivalEndpoint, layout: SlotLayout) {
    const { cells, cellTrue, subgroupIds } = layout;
    const slots = ARMS * cells;
    this.slots = slots;
    this.first = new Int32Array(slots + 1);
    this.shape = new Float64Array(slots);
    const laws = Array.from({ length: slots }, (_, slot) =>
      slotPieces(endpoint, subgroupIds[cellTrue[slot % cells]], slot < cells),
    );
    const total = laws.reduce((sum, law) => sum + law.starts.length, 0);
    this.start = new Float64Array(total);
    this.origin = new Float64Array(total);
    this.cumulative = new Float64Array(total);
    this.rate = new Float64Array(total);
    this.hazardRatio = new Float64Array(total);
    let at = 0;
    laws.forEach((law, slot) => {
      this.first[slot] = at;
      this.shape[slot] = law.shape;
      let cumulative = 0;
      for (let j = 0; j < law.starts.length; j++, at++) {
        this.start[at] = law.starts[j];
        this.origin[at] = law.shape === 1 ? law.starts[j] : law.starts[j] ** law.shape;
        this.rate[at] = law.rates[j];
        this.hazardRatio[at] = law.ratios[j];
        this.cumulative[at] = cumulative;
        if (j + 1 < law.starts.length) {
          const next = law.shape === 1 ? law.starts[j + 1] : law.starts[j + 1] ** law.shape;
          cumulative += law.rates[j] * (next - this.origin[at]);
        }
      }
    });
    this.first[slots] = at;
    this.dropout = -Math.log1p(-endpoint.dropoutPerYear) / 12;
  }

  /** the piece of `slot` holding month t ≥ 0 */
  piece(slot: number, t: number): number {
    let j = this.first[slot];
    const last = this.first[slot + 1] - 1;
    while (j < last && this.start[j + 1] <= t) j++;
    return j;
  }

  /** the event month (since randomisation) whose cumulative hazard is `exponential`: H⁻¹(E) */
  eventTime(slot: number, exponential: number): number {
    const cumulative = this.cumulative;
    let j = this.first[slot];
    const last = this.first[slot + 1] - 1;
    while (j < last && cumulative[j + 1] <= exponential) j++;
    const power = this.origin[j] + (exponential - cumulative[j]) / this.rate[j];
    const shape = this.shape[slot];
    return shape === 1 ? power : power ** (1 / shape);
  }

  /** H(t) of `slot` */
  cumulativeHazard(slot: number, t: number): number {
    const j = this.piece(slot, t);
    const shape = this.shape[slot];
    return this.cumulative[j] + this.rate[j] * ((shape === 1 ? t : t ** shape) - this.origin[j]);
  }
}

/** the law of one arm of one true subgroup, as piece starts, λs, hazard ratios and the shape k */
function slotPieces(
  endpoint: SurvivalEndpoint,
  subgroup: string,
  treated: boolean,
): { starts: number[]; rates: number[]; ratios: number[]; shape: number } {
  // the maps are keyed by subgroup id: pos and neg in the one-marker form
  const status = subgroup as 'pos' | 'neg';
  const ratios = piecesOf(endpoint.hazardRatio[status]);
  const median = endpoint.controlMedian?.[status];
  const shape = median === undefined ? 1 : (endpoint.shape?.[status] ?? 1);
  // the control hazard as pieces of λ (Weibull: the one coefficient ln 2 / median^k)
  const control: Piece[] =
    median === undefined
      ? (endpoint.controlHazard?.[status] as Piece[])
      : [{ from: 0, value: shape === 1 ? Math.LN2 / median : Math.LN2 / median ** shape }];
  const starts = [...new Set([...control, ...ratios].map((piece) => piece.from))].sort((a, b) => a - b);
  return {
    starts,
    // treatment multiplies the control hazard by the ratio (in this order, as the one-piece law always has)
    rates: starts.map((month) => (treated ? at(control, month) * at(ratios, month) : at(control, month))),
    ratios: starts.map((month) => at(ratios, month)),
    shape,
  };
}

/** the value of the piece holding `month` */
function at(list: Piece[], month: number): number {
  let value = list[0].value;
  for (const piece of list) if (piece.from <= month) value = piece.value;
  return value;
}

export function survivalHazards(endpoint: SurvivalEndpoint, layout: SlotLayout): SurvivalHazards {
  return new SurvivalHazards(endpoint, layout);
}
