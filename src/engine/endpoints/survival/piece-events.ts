// Expected events in one piece of a slot's survival law (hazards.ts), with exponential dropout δ:
// the expected-events integrals of Kalbfleisch & Prentice (2002, §1.3) that gsDesign2's
// expected_event() evaluates (Mukhopadhyay et al. 2020). A patient followed for x months has had an
// event in piece j = [b_j, e_j) before dropping out with probability
//   ∫_{b_j}^{min(x, e_j)} h(y)·e^{−H(y) − δy} dy,
// which for a constant hazard λ_j is λ_j/κ_j·w_j·(1 − e^{−κ_j·(min(x, e_j) − b_j)}), κ_j = λ_j + δ and
// w_j = e^{−H_j − δb_j} the chance of reaching b_j event- and dropout-free. Patients arriving at rate a
// over [s, u] and analysed at calendar month τ ≥ u are followed x = τ − v months; integrating over v in
// closed form gives the exponential case below (for one piece exactly the formula of a constant
// hazard). A Weibull piece has no closed form with dropout: Gauss–Legendre in v^{1/p} = y, p = max(1,
// 1/k), which makes the density's y^{k−1} smooth for k < 1.
import { gaussLegendre } from '../../math/gauss-legendre.js';
import type { SurvivalHazards } from './hazards.js';

/** 16-point rule on each of 8 panels: the integrands are smooth, so far below 10⁻¹⁰ relative */
const RULE = gaussLegendre(16);
const PANELS = 8;
/** a Weibull piece is integrated up to where e^{−H} has fallen by a further e^{−50} */
const TAIL_HAZARD = 50;

/** the month piece `j` of `slot` ends (∞ for the last) */
function pieceEnd(law: SurvivalHazards, slot: number, j: number): number {
  return j + 1 < law.first[slot + 1] ? law.start[j + 1] : Infinity;
}

/** expected events in piece j of `slot` by month τ among patients arriving at rate `arrival` over [s, u], u ≤ τ */
export function pieceEvents(
  law: SurvivalHazards,
  slot: number,
  j: number,
  arrival: number,
  s: number,
  u: number,
  tau: number,
): number {
  const b = law.start[j];
  const e = pieceEnd(law, slot, j);
  if (law.shape[slot] !== 1) {
    // weight of an event at follow-up y: the arrivals followed at least y months, min(u, τ − y) − s
    const kink = Math.min(e, tau - u);
    let events = kink > b ? (u - s) * weibullIntegral(law, slot, j, b, kink, () => 1) : 0;
    const from = Math.max(b, tau - u);
    const to = Math.min(e, tau - s);
    if (to > from) events += weibullIntegral(law, slot, j, from, to, (y) => tau - y - s);
    return arrival * events;
  }
  const lambda = law.rate[j];
  const kappa = lambda + law.dropout;
  const reach = Math.exp(-law.cumulative[j] - law.dropout * b);
  let events = 0;
  // arrivals followed beyond the piece had all its chance
  const beyond = Math.min(u, tau - e);
  if (beyond > s) events += ((arrival * lambda) / kappa) * reach * (1 - Math.exp(-kappa * (e - b))) * (beyond - s);
  // arrivals followed into the piece but not beyond it
  const low = Math.max(s, tau - e);
  const high = Math.min(u, tau - b);
  if (high > low)
    events +=
      ((arrival * lambda) / kappa) *
      reach *
      (high - low - (Math.exp(-kappa * (tau - b - high)) - Math.exp(-kappa * (tau - b - low))) / kappa);
  return events;
}

/** `arrival` times the chance of an event in piece j of `slot` for a patient followed for ever */
export function pieceProbability(law: SurvivalHazards, slot: number, j: number, arrival: number): number {
  const b = law.start[j];
  const e = pieceEnd(law, slot, j);
  if (law.shape[slot] !== 1) return arrival * weibullIntegral(law, slot, j, b, e, () => 1);
  const lambda = law.rate[j];
  const kappa = lambda + law.dropout;
  const reach = Math.exp(-law.cumulative[j] - law.dropout * b);
  return ((arrival * lambda) / kappa) * reach * (1 - Math.exp(-kappa * (e - b)));
}

/**
 * ∫_from^to h(y)·e^{−H(y) − δy}·weight(y) dy within Weibull piece j of `slot`, cut where the piece's
 * hazard has added TAIL_HAZARD (beyond, less than e^{−50} of it is left)
 */
function weibullIntegral(
  law: SurvivalHazards,
  slot: number,
  j: number,
  from: number,
  until: number,
  weight: (y: number) => number,
): number {
  const shape = law.shape[slot];
  const p = Math.max(1, 1 / shape);
  const lambda = law.rate[j];
  const to = Math.min(until, (law.origin[j] + TAIL_HAZARD / lambda) ** (1 / shape));
  if (!(to > from)) return 0;
  const low = from ** (1 / p);
  const high = to ** (1 / p);
  const width = (high - low) / PANELS;
  let sum = 0;
  for (let panel = 0; panel < PANELS; panel++) {
    const middle = low + (panel + 0.5) * width;
    for (let i = 0; i < RULE.nodes.length; i++) {
      const v = middle + 0.5 * width * RULE.nodes[i];
      const y = v ** p;
      const hazard = law.cumulative[j] + lambda * (y ** shape - law.origin[j]);
      // h(y)·dy/dv = λ·k·y^{k−1}·p·v^{p−1} = λ·k·p·v^{pk − 1}
      sum +=
        RULE.weights[i] * lambda * shape * p * v ** (p * shape - 1) * Math.exp(-hazard - law.dropout * y) * weight(y);
    }
  }
  return 0.5 * width * sum;
}
