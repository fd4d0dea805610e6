// Group-sequential efficacy boundaries for t statistics, exact for normal outcomes with the
// variance estimated. Comparing each look's t statistic on the p-value scale with the z boundaries
// of boundaries.ts (the "significance level approach", Jennison & Turnbull, Group Sequential
// Methods, 2000, §3.8 and §11.4) makes each look's marginal level exact but not the joint law, and
// the family-wise error exceeds α. Here the nominal levels solve the spending equations under the
// joint law of the t statistics.
//
// Under H0, with fixed arm sizes, the score S_k = Z_k·√t_k has independent N(0, t_k − t_{k−1})
// increments and is independent of V_k = SS_k/σ², the residual sum of squares, whose increments
// are independent χ²(ν_k − ν_{k−1}); T_k = Z_k/√(V_k/ν_k). With W_k = √V_k, look k rejects when
// S_k ≥ b_k(W_k) = τ_k·√t_k·W_k/√ν_k, a line through the origin of the (S, W) plane.
//
// We carry R_k(s, w), the density of S_k on the paths that have not crossed, conditional on
// W_k = w: bounded (by the N(0, t_k) density) and smooth in both arguments, whereas the joint
// density is that times a χ_ν density of sd ≈ 0.7 in w. From look k to k + 1:
//   S: R̃(s, w) = ∫_{s₀ < b_k(w)} R_k(s₀, w)·φ_σ(s − s₀) ds₀, σ² = t_{k+1} − t_k. Each look has a
//      lattice in s whose step is a power of two times the finest, so the kernel is one vector of
//      offsets; the cell cut by b_k(w) is integrated by Gauss–Legendre on R_k's Lagrange
//      interpolant (R_k is smooth across b_k: the truncation comes after it), the rest by the
//      trapezoidal rule with Gregory's end correction at the cut.
//   W: V_{k+1} = V_k + X, X ~ χ²(Δν), and given V_{k+1} = v the fraction V_k/v ~ Beta(ν_k/2, Δν/2)
//      is independent of v (beta–gamma algebra; E. Lukacs, Ann. Math. Statist. 26 (1955) 319), so
//        R_{k+1}(s, w) = E R̃(s, w·sin Φ),   sin² Φ ~ Beta(ν_k/2, Δν/2),
//      where Φ, the angle of (√V_k, √X), has density ∝ sin^{ν_k−1} Φ · cos^{Δν−1} Φ on [0, π/2]:
//      smooth for every integer ν_k, Δν ≥ 1, even where the χ² densities are not. R̃ is
//      interpolated in w (Lagrange).
// The w grid is uniform in η, w = η²/(η + GRADING): uniform in the bulk of a large ν, finer near
// w = 0, where for small ν the steep boundary puts the crossing paths (the slope τ·√t/√ν is
// large; for ν = 1 the first look is a Cauchy variable). The Φ nodes are graded to match. The
// integrals over w and Φ use the trapezoidal rule with Gregory's end corrections: the
// integrands are smooth bells, on which the rule converges geometrically, and the corrections
// make an end cut off at w = 0 or Φ = 0 high order. Every grid is sized in standard deviations of
// its own variable, so the work does not grow with ν.
//
// At look 1, T_1 is exactly t_{ν₁}: the nominal level is the α spent. At look k ≥ 2 it solves
// P(first crossing at k) = α(t_k) − α(t_{k−1}) by Newton's method on the z scale. The result is
// that level on the z scale, c_k = Φ⁻¹(1 − p_k) with p_k = P(T_{ν_k} ≥ τ_k), so that a trial
// compares tToZ(T_k, ν_k) ≥ c_k; Infinity where a look has nothing to spend. As ν → ∞ the
// boundaries tend to the z boundaries. Against a grid refined in every variable the
// first-crossing probabilities agree within 1e-8 when ν₁ ≥ 2 and 1e-5 when ν₁ = 1; the tests
// check them by Monte Carlo on the exact law (test/engine/inference/t-boundaries.test.ts).
import { gaussLegendre } from '../../math/gauss-legendre.js';
import { normalPdf, normalUpper, zOfP } from '../../math/normal.js';
import { tDensity, tUpperQuantile } from '../../math/student-t.js';
import { END_WEIGHTS, gregoryWeights } from '../../math/gregory.js';
import { spentAlpha, type Spending } from './spending.js';

/** the scores carried, in standard deviations of S_k either side of 0: beyond, the density is < 1e-15 */
const S_TAIL = 8.5;
/** a lattice step per this many sd of the increments either side of the look (halving it moves P by < 1e-9) */
const S_STEPS_PER_SD = 8;
/** the w grid's half-width about √ν: the χ_ν density falls by e^{−36} or more (its sd is below √½) */
const W_TAIL = 7.5;
/** the w grid's step in η, about a sixth of the χ_ν sd */
const W_STEP = 0.125;
/** below about this w the grid's steps in w shrink, like 2·W_STEP·√(w/GRADING) */
const GRADING = 16;
/** the Φ grid's half-width about its mode, in units of 1/√(ν_k + Δν): 9 of them are 9 to 13 sd of Φ */
const PHI_TAIL = 9;
/** at least this many Φ steps per 1/√(ν_k + Δν); the sources w·sin Φ are also no further apart than W_STEP */
const PHI_STEPS = 4;
/** points of the Lagrange interpolation, in s and in η */
const STENCIL = 6;
/** Gauss–Legendre points on the lattice cell cut by a boundary */
const CELL = gaussLegendre(4);

const remembered = new Map<string, Float64Array>();

/**
 * z-scale critical values c_k for t statistics with ν_k degrees of freedom at information rates t_k:
 * a trial stops for efficacy at look k when tToZ(T_k, ν_k) ≥ c_k
 */
export function tEfficacyBoundaries(
  spending: Spending,
  informationRates: readonly number[],
  degreesOfFreedom: readonly number[],
  alpha: number,
): Float64Array {
  const key = `${spending} ${alpha} ${informationRates.join(',')} ${degreesOfFreedom.join(',')}`;
  let critical = remembered.get(key);
  if (critical === undefined) {
    critical = computeBoundaries(spending, informationRates, degreesOfFreedom, alpha);
    remembered.set(key, critical);
  }
  return critical;
}

/**
 * a grid in W = √V, uniform in η where W = g(η) = η²/(η + GRADING): nearly uniform in W in the bulk,
 * finer near 0; with the χ_ν quadrature weights in η (normalised)
 */
interface ChiGrid {
  /** η of the first node */
  readonly low: number;
  readonly count: number;
  /** W at each node */
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

/** a look's lattice of scores, s_j = (j − half)·step for j = 0, …, 2·half */
interface Lattice {
  readonly half: number;
  readonly step: number;
  readonly length: number;
}

function computeBoundaries(
  spending: Spending,
  rates: readonly number[],
  dfs: readonly number[],
  alpha: number,
): Float64Array {
  const looks = rates.length;
  const critical = new Float64Array(looks);
  const sds = rates.map((t, k) => Math.sqrt(t - (k > 0 ? rates[k - 1] : 0)));
  const finest = Math.min(...sds) / S_STEPS_PER_SD;
  // R_k is smooth on the scale of the increment before look k, and the kernel after it has the
  // next increment's sd: each look's step resolves both, a power of two times the finest step so
  // that every offset between two lattices is a whole number of the finer step
  const lattices = rates.map((t, k): Lattice => {
    const wanted = Math.min(sds[k], k + 1 < looks ? sds[k + 1] : Infinity) / S_STEPS_PER_SD;
    const step = finest * 2 ** Math.floor(Math.log2(wanted / finest) + 1e-9);
    const half = Math.ceil((S_TAIL * Math.sqrt(t)) / step) + STENCIL;
    return { half, step, length: 2 * half + 1 };
  });

  const first = spentAlpha(spending, alpha, rates[0]);
  critical[0] = zOfP(first);
  let tau = tUpperQuantile(first, dfs[0]);
  let grid = chiGrid(dfs[0]);
  let density: Float64Array = new Float64Array(grid.count * lattices[0].length);
  for (let j = 0; j < lattices[0].length; j++) {
    const value = normalPdf(((j - lattices[0].half) * lattices[0].step) / sds[0]) / sds[0];
    for (let i = 0; i < grid.count; i++) density[i * lattices[0].length + j] = value;
  }

  for (let k = 1; k < looks; k++) {
    const boundarySlope = Math.sqrt(rates[k - 1] / dfs[k - 1]);
    const convolved = continueAndConvolve(density, grid, lattices[k - 1], tau * boundarySlope, sds[k], lattices[k]);
    const nextGrid = chiGrid(dfs[k]);
    density = mixVariance(convolved, grid, nextGrid, dfs[k - 1], dfs[k] - dfs[k - 1], lattices[k].length);
    grid = nextGrid;

    const target = spentAlpha(spending, alpha, rates[k]) - spentAlpha(spending, alpha, rates[k - 1]);
    if (!(target > 0)) {
      // nothing left to spend at this look (an early look with almost no information): no stop
      critical[k] = Infinity;
      tau = Infinity;
      continue;
    }
    const crossing = crossingAt(density, grid, lattices[k], Math.sqrt(rates[k] / dfs[k]));
    const df = dfs[k];
    critical[k] = solveDecreasing((c) => {
      const t = tFromZ(c, df);
      const { probability, slope } = crossing(t);
      // P(T_ν ≥ τ) = P(Z ≥ c), so dτ/dc = φ(c)/f_ν(τ)
      return { excess: probability - target, slope: Number.isFinite(t) ? (slope * normalPdf(c)) / tDensity(t, df) : 0 };
    }, zOfP(target));
    tau = tFromZ(critical[k], df);
  }
  return critical;
}

function chiGrid(df: number): ChiGrid {
  const centre = Math.sqrt(df);
  const low = gradingInverse(Math.max(0, centre - W_TAIL));
  const count = Math.ceil((gradingInverse(centre + W_TAIL) - low) / W_STEP) + 1;
  const nodes = new Float64Array(count);
  const weights = gregoryWeights(count);
  // the χ_ν density ∝ w^{ν−1}·e^{−w²/2} relative to its mode √(ν − 1), times dw/dη
  const mode = Math.sqrt(df - 1);
  const logMode = df > 1 ? (df - 1) * Math.log(mode) - 0.5 * mode * mode : 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const eta = low + i * W_STEP;
    const w = (eta * eta) / (eta + GRADING);
    nodes[i] = w;
    const log = (df > 1 ? (df - 1) * Math.log(w) : 0) - 0.5 * w * w - logMode;
    weights[i] *= Math.exp(log) * ((eta * (eta + 2 * GRADING)) / (eta + GRADING) ** 2);
    total += weights[i];
  }
  for (let i = 0; i < count; i++) weights[i] /= total;
  return { low, count, nodes, weights };
}

/** η with g(η) = w */
function gradingInverse(w: number): number {
  return 0.5 * (w + Math.sqrt(w * w + 4 * GRADING * w));
}

/**
 * R̃(s, w) on the next lattice: each row's continuation part s < b(w) = slope·w convolved with
 * N(0, sd²); rows in the order of `grid`
 */
function continueAndConvolve(
  density: Float64Array,
  grid: ChiGrid,
  from: Lattice,
  slope: number,
  sd: number,
  to: Lattice,
): Float64Array {
  const out = new Float64Array(grid.count * to.length);
  const fine = Math.min(from.step, to.step);
  const strideFrom = Math.round(from.step / fine);
  const strideTo = Math.round(to.step / fine);
  // the kernel at whole offsets d of the finer step: from node l of `from` to node j of `to`,
  // d = (j − to.half)·strideTo − (l − from.half)·strideFrom
  const reach = Math.ceil((S_TAIL * sd) / fine);
  const kernel = new Float64Array(2 * reach + 1);
  for (let d = -reach; d <= reach; d++) kernel[d + reach] = normalPdf((d * fine) / sd) / sd;
  for (let i = 0; i < grid.count; i++) {
    const row = density.subarray(i * from.length, (i + 1) * from.length);
    const convolved = out.subarray(i * to.length, (i + 1) * to.length);
    // the boundary as a fractional index (a slope of Infinity: no stop at this look)
    const position = slope === Infinity ? Infinity : (slope * grid.nodes[i]) / from.step + from.half;
    if (position < 0) continue;
    const last = position >= from.length - 1 ? from.length - 1 : Math.floor(position);
    for (let l = 0; l <= last; l++) {
      const fromEnd = last - l;
      const mass = from.step * (fromEnd < END_WEIGHTS.length ? END_WEIGHTS[fromEnd] : 1) * row[l];
      if (mass === 0) continue;
      const centre = (l - from.half) * strideFrom;
      const low = Math.max(0, to.half + Math.ceil((centre - reach) / strideTo));
      const high = Math.min(to.length - 1, to.half + Math.floor((centre + reach) / strideTo));
      for (let j = low; j <= high; j++) convolved[j] += mass * kernel[(j - to.half) * strideTo - centre + reach];
    }
    const cut = position - last;
    if (!(position < from.length - 1) || cut === 0) continue;
    for (let q = 0; q < CELL.nodes.length; q++) {
      const x = last + 0.5 * cut * (1 + CELL.nodes[q]);
      const mass = 0.5 * cut * from.step * CELL.weights[q] * interpolate(row, x);
      const s = (x - from.half) * from.step;
      const low = Math.max(0, to.half + Math.ceil((s - reach * fine) / to.step));
      const high = Math.min(to.length - 1, to.half + Math.floor((s + reach * fine) / to.step));
      for (let j = low; j <= high; j++) convolved[j] += (mass * normalPdf(((j - to.half) * to.step - s) / sd)) / sd;
    }
  }
  return out;
}

/** R_{k+1}(s, w) = E R̃(s, w·sin Φ) on the next χ grid, sin² Φ ~ Beta(ν/2, Δν/2) */
function mixVariance(
  convolved: Float64Array,
  from: ChiGrid,
  to: ChiGrid,
  df: number,
  added: number,
  length: number,
): Float64Array {
  // the linear map from the rows of `from` to the rows of `to`
  const map = new Float64Array(to.count * from.count);
  for (let m = 0; m < to.count; m++) {
    const w = to.nodes[m];
    const { nodes: angles, weights: angleWeights } = angleRule(df, added, w);
    for (let q = 0; q < angles.length; q++) {
      const x = Math.min(from.count - 1, Math.max(0, (gradingInverse(w * Math.sin(angles[q])) - from.low) / W_STEP));
      const base = Math.min(from.count - STENCIL, Math.max(0, Math.floor(x) - STENCIL / 2 + 1));
      for (let r = 0; r < STENCIL; r++) map[m * from.count + base + r] += angleWeights[q] * lagrangeBasis(x - base, r);
    }
  }
  const out = new Float64Array(to.count * length);
  for (let m = 0; m < to.count; m++) {
    const row = out.subarray(m * length, (m + 1) * length);
    for (let i = 0; i < from.count; i++) {
      const c = map[m * from.count + i];
      if (c === 0) continue;
      const source = convolved.subarray(i * length, (i + 1) * length);
      for (let j = 0; j < length; j++) row[j] += c * source[j];
    }
  }
  return out;
}

/**
 * nodes and normalised weights for Φ, density ∝ sin^{ν−1} Φ · cos^{Δν−1} Φ on [0, π/2], for the
 * target w: uniform in ψ where Φ = ψ²/(ψ + GRADING/w), so that the sources w·sin Φ are spaced like
 * the nodes of the graded χ grid they are interpolated from, and at least PHI_STEPS to 1/√(ν_k + Δν)
 */
function angleRule(df: number, added: number, w: number): { nodes: Float64Array; weights: Float64Array } {
  // with nothing added, or at w = 0, there is one source: w itself
  if (added === 0 || w === 0) return { nodes: Float64Array.of(Math.PI / 2), weights: Float64Array.of(1) };
  const scale = 1 / Math.sqrt(df + added);
  const mode = df === 1 ? 0 : added === 1 ? Math.PI / 2 : Math.atan(Math.sqrt((df - 1) / (added - 1)));
  const grading = GRADING / w;
  const inverse = (angle: number) => 0.5 * (angle + Math.sqrt(angle * angle + 4 * grading * angle));
  const low = inverse(Math.max(0, mode - PHI_TAIL * scale));
  const high = inverse(Math.min(Math.PI / 2, mode + PHI_TAIL * scale));
  const count = Math.max(2 * END_WEIGHTS.length, Math.ceil((high - low) / Math.min(scale / PHI_STEPS, W_STEP / w)) + 1);
  const step = (high - low) / (count - 1);
  const nodes = new Float64Array(count);
  const weights = gregoryWeights(count);
  const logAt = (angle: number) =>
    (df > 1 ? (df - 1) * Math.log(Math.sin(angle)) : 0) + (added > 1 ? (added - 1) * Math.log(Math.cos(angle)) : 0);
  const logMode = logAt(mode);
  let total = 0;
  for (let q = 0; q < count; q++) {
    const psi = Math.min(high, low + q * step);
    nodes[q] = Math.min(Math.PI / 2, (psi * psi) / (psi + grading));
    weights[q] *= Math.exp(logAt(nodes[q]) - logMode) * ((psi * (psi + 2 * grading)) / (psi + grading) ** 2);
    total += weights[q];
  }
  for (let q = 0; q < count; q++) weights[q] /= total;
  return { nodes, weights };
}

/**
 * P(T_k ≥ τ, no earlier crossing) and its derivative in τ, from R_k, for the boundary
 * b(w) = τ·scale·w: for each w, the lattice sum above the cut (Gregory's correction at its first
 * node) and the cut cell by Gauss–Legendre
 */
function crossingAt(
  density: Float64Array,
  grid: ChiGrid,
  lattice: Lattice,
  scale: number,
): (tau: number) => { probability: number; slope: number } {
  const { half, step, length } = lattice;
  // suffix sums of each row
  const suffix = new Float64Array(grid.count * (length + 1));
  for (let i = 0; i < grid.count; i++) {
    const at = i * (length + 1);
    for (let l = length - 1; l >= 0; l--) suffix[at + l] = suffix[at + l + 1] + density[i * length + l];
  }
  return (tau) => {
    let probability = 0;
    let derivative = 0;
    for (let i = 0; i < grid.count; i++) {
      const row = density.subarray(i * length, (i + 1) * length);
      const perTau = scale * grid.nodes[i];
      const position = (tau * perTau) / step + half;
      // beyond the lattice (or τ = ∞): nothing crosses
      if (!(position < length - 1)) continue;
      if (position < 0) {
        probability += grid.weights[i] * step * suffix[i * (length + 1)];
        continue;
      }
      const next = Math.floor(position) + 1;
      let upper = suffix[i * (length + 1) + next];
      for (let m = 0; m < END_WEIGHTS.length && next + m < length; m++) upper += (END_WEIGHTS[m] - 1) * row[next + m];
      upper *= step;
      const cut = next - position;
      for (let q = 0; q < CELL.nodes.length; q++) {
        upper += 0.5 * cut * step * CELL.weights[q] * interpolate(row, position + 0.5 * cut * (1 + CELL.nodes[q]));
      }
      probability += grid.weights[i] * upper;
      derivative -= grid.weights[i] * perTau * interpolate(row, position);
    }
    return { probability, slope: derivative };
  };
}

/** a row's Lagrange interpolant at fractional index x (zero beyond the lattice, as the density is) */
function interpolate(row: Float64Array, x: number): number {
  const base = Math.floor(x) - STENCIL / 2 + 1;
  let value = 0;
  for (let r = 0; r < STENCIL; r++) {
    const l = base + r;
    if (l >= 0 && l < row.length) value += lagrangeBasis(x - base, r) * row[l];
  }
  return value;
}

/** the r-th Lagrange basis polynomial on the nodes 0, 1, …, STENCIL − 1, at u */
function lagrangeBasis(u: number, r: number): number {
  let value = 1;
  for (let m = 0; m < STENCIL; m++) if (m !== r) value *= (u - m) / (r - m);
  return value;
}

/** τ with P(T_ν ≥ τ) = P(Z ≥ c), from the smaller tail */
function tFromZ(c: number, df: number): number {
  return c >= 0 ? tUpperQuantile(normalUpper(c), df) : -tUpperQuantile(normalUpper(-c), df);
}

/** c with f(c) = 0 for a decreasing f, by Newton's method kept inside a bracket */
function solveDecreasing(f: (c: number) => { excess: number; slope: number }, start: number): number {
  let low = -10;
  let high = 40;
  let c = Math.min(high, Math.max(low, start));
  for (let iteration = 0; iteration < 100; iteration++) {
    const { excess, slope } = f(c);
    if (excess > 0) low = c;
    else high = c;
    let next = c - excess / slope;
    if (!(next > low && next < high)) next = 0.5 * (low + high);
    if (Math.abs(next - c) < 1e-10) return next;
    c = next;
  }
  return c;
}
