// P(max_k Z_k ≥ z) for Z ~ N(0, R), R any correlation matrix of one to four coordinates of any rank, and
// the critical value of the one-sided max-z ("dunnett") intersection test, c with P(max ≥ c) = α.
//
// Coordinates correlated above 1 − 10⁻¹² are one statistic counted twice and are dropped. Of rank 3 or less,
// Z_k = b_k·X with X standard normal in 3 dimensions and the b_k unit vectors (rows of R's pivoted Cholesky
// factor): the spherical–radial formula of max-normal.ts applies, integrating over the arcs of the
// spherical Voronoi diagram of the b_k, whose geometry it shares from there.
// Of rank 4, the largest common factor is split off (the step that keeps the threshold common, which
// conditioning on one coordinate would not): Z_k = c·Y + σ·W_k with c² = 1/(1ᵀR⁻¹1), σ² = 1 − c², Y
// standard normal independent of W ~ N(0, (R − c²·11ᵀ)/σ²), a correlation of rank 3, since R − c²·11ᵀ is
// positive semidefinite exactly for c² ≤ 1/(1ᵀR⁻¹1) and singular at that bound. In polar coordinates about
// b_k, cos θ = X₁/|X| is uniform on [−1, 1] and independent of |X|, so the part of P(Z_k ≥ z) beyond
// the cell's boundary at cos θ = s is P(σX₁ + cY ≥ z, X₁ ≤ s|X|); integrating the χ₂ radius ρ of
// (X₂, X₃) by parts in {X₁ ≤ ρ·s/√(1 − s²)} turns it into P(σX₁ + cY ≥ z, X₁ ≤ 0) + f(s), with
//   f(s) = s·P(V ≥ 0, cY + σsV ≥ z) = s·[½Φ̄(h) + T(h, σs/c)],  h = z/√(c² + σ²s²),
// V standard normal and T Owen's function (Φ₂(−h, 0; ρ) = ½Φ̄(h) + T(h, ρ/√(1 − ρ²)), D. B. Owen, Ann.
// Math. Statist. 27 (1956) 1075–1090). As c → 0, f(s) → s·Φ̄(z/s) for s > 0 and 0 for s ≤ 0: max-normal.ts's
// g. The cells' azimuths add up to 2π·d, and the arc-length form of max-normal.ts gives, for z ≥ 0,
//   P(max ≥ z) = d·f(1) − (1/π) Σ_arcs ∫ f(r cos x)·w / (1 − r² cos² x) dx,
// and for z < 0, with |z| in f and x from the arc's point farthest from b_k,
//   P(max < z) = (1/π) Σ_arcs ∫ f(r cos x)·w / (1 − r² cos² x) dx − d·f(−1)
// (A. Genz & F. Bretz, Computation of Multivariate Normal and t Probabilities, Springer 2009, ch. 4, for
// the spherical–radial method; the split into a common factor is a step of our own, checked below).
// - T(h, a) for a ≤ 1 by a 16-point Gauss–Legendre rule in θ over the part of its integrand above 10⁻¹² of
//   the largest (relative error under 10⁻¹³ against mpmath); the complement T(h, ∞) − T(h, a) from T of
//   a ≤ 1 by Owen's identities (owen-t.ts).
// - Beside each arc's two peaks of w/(1 − s²), at s = ±r, the integrand is written as
//   (f(s) − α − βs)·w/(1 − s²) with α + βs = f(s) at s = ±1, flattened as max-normal.ts flattens one,
//   plus the exact α·atan(tan x / w) + β·atan(r sin x / w). The lower tail of rank 3 or less subtracts
//   only beside a close neighbour, as max-normal.ts does, so that a small P(max < z) keeps its relative
//   accuracy.
// - Only the part of an arc where f is above 10⁻¹² of the largest term is integrated (for rank 4, s < 0
//   counts unless Φ̄(|z|/c) is negligible). f changes on the scale ℓ = max(c, |z|)/σ near s = 0 (for c = 0
//   the essential singularity of g); where ℓ < 4, panels graded by 2 from ℓ/4 up to ¾r resolve it, which
//   max-normal.ts lacks (it is 2.6·10⁻⁶ off at z = 0.04, 4·10⁻⁹ at z = 1). 20 points per panel.
// Accuracy, measured: against test/fixtures/reference/mvtnorm-dunnett.json (mvtnorm 1.1.3's Miwa
// algorithm) p-values within 5.3·10⁻¹¹ relative, about the fixtures' own precision (an independent scipy
// quadrature differs from them as much), critical values within 4·10⁻¹²; against Φ̄, 1 − Φ(z)^d, Dunnett's
// one-factor integral (ρ to 0.99) and the bivariate law (ρ from −0.99 to 0.99), z from −3 to 4 where
// P(max ≥ z) ≥ 10⁻⁴, within 3·10⁻¹² relative; for random well-conditioned R of 3 and 4 coordinates
// within 2.2·10⁻¹¹ of nested quadrature; for singular R of rank 2 within 2.7·10⁻¹² of the exact polar
// integral; for nearly singular R of 4 (c down to 6·10⁻⁵) within 7·10⁻¹³ of scipy. A small P(max < z)
// keeps its relative accuracy for rank 3 or less (3.6·10⁻¹² for two coordinates down to 10⁻²⁴); for rank
// 4 the lower tail holds d·f(−1), of the size of Φ(z), and its error is about 10⁻¹⁴·Φ(z) (2·10⁻⁸
// relative at P = 2.6·10⁻¹⁶).
// Time (Node 20, z from 1.5 to 3.4): about 4 µs for two coordinates, 9 µs for three, 55 µs for four of full
// rank (80 µs near z = 0; up to 0.3 ms for a nearly singular R at |z| < 1, where c is tiny and the graded
// panels many); critical() about 8 of those.
import { gaussLegendre } from './gauss-legendre.js';
import { bisectorArc, pivotedCholesky } from './max-normal.js';
import { brentRoot } from './brent-root.js';
import { normalUpper, zOfP } from './normal.js';
import { owenT, owenTail } from './owen-t.js';

const RULE = gaussLegendre(20);
/** x² − y² above this (x > y > 0): Φ̄(x)/Φ̄(y) < exp(−(x² − y²)/2) below 10⁻¹² */
const NEGLIGIBLE = 2 * 12 * Math.LN10;
/** below this w (ρ above 1/2) the peak of w/(1 − s²) is narrower than the rule resolves */
const CLOSE = 0.5;
/** coordinates this correlated are one statistic counted twice */
const DUPLICATE = 1e-12;
/** f changes near s = 0 on the scale max(c, |z|)/σ; below this scale arcs get panels graded by 2 there */
const GRADED = 4;
/** the graded panels stop here: f is below |s|, so the part nearer 0 adds under 10⁻¹² */
const GRADE_FLOOR = 1e-6;
const TURN = 2 * Math.PI;

/**
 * Workspace for max-of-normals probabilities in up to four coordinates of any rank, reused from call to
 * call (a simulation evaluates one per trial without allocating)
 */
export class MaxOfNormals4 {
  /** the coordinates kept, duplicates dropped */
  private readonly kept = new Int32Array(4);
  /** the correlation of the kept coordinates */
  private readonly reduced = new Float64Array(16);
  /** its pivoted Cholesky factor, rows of `count` numbers */
  private readonly factor = new Float64Array(16);
  /** R⁻¹1 and the work of solving for it */
  private readonly solution = new Float64Array(4);
  private readonly elimination = new Float64Array(16);
  /** b_k, three numbers per kept coordinate: rows of the factor, or for rank 4 of W's */
  private readonly vectors = new Float64Array(12);
  private readonly bisector = new Float64Array(4);
  /** angles where an arc is split into panels: its ends, s = 0, the peak, and ±s at each of the ≤ 20 grades */
  private readonly breaks = new Float64Array(88);
  private count = 0;
  /** c, the common factor's loading */
  private loading = 0;
  /** σ = √(1 − c²) */
  private spread = 1;

  /** P(max_k Z_k ≥ z), Z ~ N(0, R) with R given row by row, `dimension` × `dimension` (at most 4) */
  upper(correlation: ArrayLike<number>, dimension: number, z: number): number {
    if (Number.isNaN(z)) return NaN;
    this.setUp(correlation, dimension);
    const tail = this.tail(z);
    return z >= 0 ? tail : 1 - tail;
  }

  /** P(max_k Z_k < z), for rank 3 or less with relative accuracy kept where it is small (z < 0) */
  lower(correlation: ArrayLike<number>, dimension: number, z: number): number {
    if (Number.isNaN(z)) return NaN;
    this.setUp(correlation, dimension);
    const tail = this.tail(z);
    return z >= 0 ? 1 - tail : tail;
  }

  /**
   * c with P(max_k Z_k ≥ c) = α, by Brent's method between Φ̄⁻¹(α) (all coordinates one) and
   * Bonferroni's Φ̄⁻¹(α/d), which bound it for every R
   */
  critical(correlation: ArrayLike<number>, dimension: number, alpha: number): number {
    if (!(alpha > 0 && alpha < 1)) return alpha === 0 ? Infinity : alpha === 1 ? -Infinity : NaN;
    this.setUp(correlation, dimension);
    const low = zOfP(alpha);
    if (this.count === 1) return low;
    return brentRoot((z) => this.excess(z, alpha), low, zOfP(alpha / this.count));
  }

  /** P(max ≥ z) − α for the correlation set up */
  private excess(z: number, alpha: number): number {
    const tail = this.tail(z);
    return (z >= 0 ? tail : 1 - tail) - alpha;
  }

  /** the side that may be small: P(max ≥ z) for z ≥ 0, P(max < z) for z < 0 */
  private tail(z: number): number {
    if (!Number.isFinite(z)) return 0;
    const d = this.count;
    const t = Math.abs(z);
    if (d === 1) return normalUpper(t);
    const mirrored = z < 0;
    const c = this.loading;
    const sigma = this.spread;
    const atOne = this.term(1, t);
    const atMinusOne = this.term(-1, t);
    // the largest |s| any arc reaches, which bounds the largest term
    let top = 1;
    if (mirrored) {
      top = 0;
      for (let k = 0; k < d; k++) for (let j = k + 1; j < d; j++) top = Math.max(top, this.reach(k, j));
    }
    const topQ = c * c + sigma * sigma * top * top;
    let cut = -1;
    if (c === 0 || (t * t) / (c * c) - (t * t) / topQ > NEGLIGIBLE) {
      cut = Math.sqrt(Math.max(0, (t * t) / ((t * t) / topQ + NEGLIGIBLE) - c * c)) / sigma;
    }
    const scale = Math.max(c, t) / sigma;
    let total = 0;
    for (let k = 0; k < d; k++) {
      for (let j = k + 1; j < d; j++) total += this.arc(k, j, t, cut, mirrored, atOne, atMinusOne, scale);
    }
    const tail = mirrored ? total / Math.PI - d * atMinusOne : d * atOne - total / Math.PI;
    return Math.min(1, Math.max(0, tail));
  }

  /** r = √((1 + b_k·b_j)/2), the largest s on the circle bisecting b_k and b_j */
  private reach(k: number, j: number): number {
    const b = this.vectors;
    const dot = b[3 * k] * b[3 * j] + b[3 * k + 1] * b[3 * j + 1] + b[3 * k + 2] * b[3 * j + 2];
    return Math.sqrt(Math.max(0, (1 + dot) / 2));
  }

  /**
   * ∫ f·w/(1 − s²) dx along the arc bisecting b_k and b_j that bounds both their cells (0 when they are not
   * neighbours), over its part where f is not negligible
   */
  private arc(
    k: number,
    j: number,
    t: number,
    cut: number,
    mirrored: boolean,
    atOne: number,
    atMinusOne: number,
    scale: number,
  ): number {
    const bisector = this.bisector;
    if (!bisectorArc(this.vectors, this.count, k, j, bisector)) return 0;
    const w = bisector[0];
    const r = bisector[1];
    const span = bisector[3];
    if (!(r > cut)) return 0;
    const start = mirrored ? bisector[2] + Math.PI : bisector[2];
    let alpha = 0;
    let beta = 0;
    if (this.loading > 0 || !mirrored || w < CLOSE) {
      alpha = 0.5 * (atOne + atMinusOne);
      beta = 0.5 * (atOne - atMinusOne);
    }
    const edge = cut >= 0 ? Math.acos(cut / r) : Math.PI;
    if (span === TURN) return this.piece(-edge, edge, w, r, t, cut, alpha, beta, scale);
    const begin = positiveAngle(start + edge) - edge;
    let sum = 0;
    const to = Math.min(edge, begin + span);
    if (to > begin) sum += this.piece(begin, to, w, r, t, cut, alpha, beta, scale);
    const wrapped = Math.min(edge, begin + span - TURN);
    if (wrapped > -edge) sum += this.piece(-edge, wrapped, w, r, t, cut, alpha, beta, scale);
    return sum;
  }

  /** the integral over [from, to], within one turn, in panels graded towards s = 0 where f needs them */
  private piece(
    from: number,
    to: number,
    w: number,
    r: number,
    t: number,
    cut: number,
    alpha: number,
    beta: number,
    scale: number,
  ): number {
    const breaks = this.breaks;
    let count = 0;
    breaks[count++] = from;
    if (cut < 0 && scale < GRADED) {
      count = insertBreak(breaks, count, from, to, Math.PI / 2);
      count = insertBreak(breaks, count, from, to, -Math.PI / 2);
    }
    // an unflattened peak of w/(1 − s²) at s = r, its poles atanh(w) off the real line, is resolved from
    // a panel's end
    if (alpha === 0) count = insertBreak(breaks, count, from, to, 0);
    if (scale < GRADED) {
      for (let s = Math.max(0.25 * scale, GRADE_FLOOR); s < 0.75 * r; s *= 2) {
        const x = Math.acos(s / r);
        count = insertBreak(breaks, count, from, to, x);
        count = insertBreak(breaks, count, from, to, -x);
        if (cut >= 0) continue;
        count = insertBreak(breaks, count, from, to, Math.PI - x);
        count = insertBreak(breaks, count, from, to, x - Math.PI);
      }
    }
    breaks[count++] = to;
    let sum = 0;
    for (let i = 0; i + 1 < count; i++) sum += this.panel(breaks[i], breaks[i + 1], w, r, t, alpha, beta);
    return sum;
  }

  /** one panel: the flattened integrand by the rule, the subtracted α + βs exactly */
  private panel(from: number, to: number, w: number, r: number, t: number, alpha: number, beta: number): number {
    const middle = 0.5 * (from + to);
    const half = 0.5 * (to - from);
    let sum = 0;
    for (let n = 0; n < RULE.nodes.length; n++) {
      const s = r * Math.cos(middle + half * RULE.nodes[n]);
      sum += (RULE.weights[n] * (this.term(s, t) - alpha - beta * s)) / (1 - s * s);
    }
    return (
      w * half * sum +
      alpha * (azimuth(to, w) - azimuth(from, w)) +
      beta * (Math.atan((r * Math.sin(to)) / w) - Math.atan((r * Math.sin(from)) / w))
    );
  }

  /** f(s) = s·P(V ≥ 0, cY + σsV ≥ t), V, Y independent standard normals */
  private term(s: number, t: number): number {
    if (s === 0) return 0;
    const c = this.loading;
    const sigma = this.spread;
    const h = t / Math.sqrt(c * c + sigma * sigma * s * s);
    const slope = (sigma * Math.abs(s)) / c;
    if (s < 0) return s * owenTail(h, slope);
    if (slope <= 1) return s * (0.5 * normalUpper(h) + owenT(h, slope));
    return s * (normalUpper(h) - owenTail(h, slope));
  }

  /** the kept coordinates, their vectors b_k and, for rank 4, the common factor's loading */
  private setUp(correlation: ArrayLike<number>, d: number): void {
    if (!(Number.isInteger(d) && d >= 1 && d <= 4)) throw new Error(`1 to 4 coordinates, got ${d}`);
    const kept = this.kept;
    let m = 0;
    for (let i = 0; i < d; i++) {
      let duplicate = false;
      for (let k = 0; k < m && !duplicate; k++) duplicate = correlation[i * d + kept[k]] > 1 - DUPLICATE;
      if (!duplicate) kept[m++] = i;
    }
    this.count = m;
    if (m === 1) return;
    const reduced = this.reduced;
    for (let i = 0; i < m; i++) for (let k = 0; k < m; k++) reduced[i * m + k] = correlation[kept[i] * d + kept[k]];
    const factor = this.factor;
    const rank = pivotedCholesky(reduced, m, factor, m);
    const b = this.vectors;
    b.fill(0);
    if (rank < 4) {
      this.loading = 0;
      this.spread = 1;
      for (let i = 0; i < m; i++) for (let k = 0; k < Math.min(m, 3); k++) b[3 * i + k] = factor[m * i + k];
    } else this.splitFactor(m);
    for (let i = 0; i < m; i++) {
      const norm = Math.hypot(b[3 * i], b[3 * i + 1], b[3 * i + 2]);
      for (let k = 0; k < 3; k++) b[3 * i + k] /= norm;
    }
  }

  /**
   * R = c²·11ᵀ + σ²·R_W with c² = 1/(1ᵀR⁻¹1): with F the Cholesky factor (R = FFᵀ, rows a_k),
   * e = c·Fᵀ·R⁻¹1 is the unit vector with a_k·e = c for every k, and b_k ∝ a_k − c·e, in the 3 dimensions
   * orthogonal to e
   */
  private splitFactor(m: number): void {
    const x = this.solution;
    solveOnes(this.reduced, m, this.elimination, x);
    let ones = 0;
    for (let i = 0; i < m; i++) ones += x[i];
    const c = 1 / Math.sqrt(ones);
    this.loading = c;
    this.spread = Math.sqrt(Math.max(0, 1 - c * c));
    const factor = this.factor;
    // e = c·Fᵀx, the unit vector with a_k·e = c for every row a_k of F
    const e = this.elimination;
    for (let k = 0; k < m; k++) {
      let sum = 0;
      for (let i = 0; i < m; i++) sum += factor[m * i + k] * x[i];
      e[k] = c * sum;
    }
    // the Householder reflection taking e to ∓ the last axis, v = e ± that axis, maps e⊥ onto the
    // first m − 1 axes; the parts p = a − c·e orthogonal to e go there, p − v·(v·p)/(v·v), v·p = ±p_last
    const last = m - 1;
    const sign = e[last] >= 0 ? 1 : -1;
    const norm = 1 + Math.abs(e[last]);
    const b = this.vectors;
    for (let i = 0; i < m; i++) {
      const along = (sign * (factor[m * i + last] - c * e[last])) / norm;
      for (let k = 0; k < last; k++) b[3 * i + k] = factor[m * i + k] - c * e[k] - along * e[k];
    }
  }
}

/** x = R⁻¹1 by Gaussian elimination, R symmetric positive definite (no pivoting needed) */
function solveOnes(matrix: Float64Array, m: number, work: Float64Array, x: Float64Array): void {
  for (let i = 0; i < m * m; i++) work[i] = matrix[i];
  for (let i = 0; i < m; i++) x[i] = 1;
  for (let p = 0; p < m; p++) {
    for (let i = p + 1; i < m; i++) {
      const ratio = work[i * m + p] / work[p * m + p];
      for (let k = p; k < m; k++) work[i * m + k] -= ratio * work[p * m + k];
      x[i] -= ratio * x[p];
    }
  }
  for (let p = m - 1; p >= 0; p--) {
    let sum = x[p];
    for (let k = p + 1; k < m; k++) sum -= work[p * m + k] * x[k];
    x[p] = sum / work[p * m + p];
  }
}

/** x inserted into the sorted breaks when strictly between from and to */
function insertBreak(breaks: Float64Array, count: number, from: number, to: number, x: number): number {
  if (!(x > from && x < to)) return count;
  let i = count;
  while (i > 1 && breaks[i - 1] > x) {
    breaks[i] = breaks[i - 1];
    i--;
  }
  breaks[i] = x;
  return count + 1;
}

/** the continuous antiderivative of w/(1 − r² cos² x), r² = 1 − w²: atan(tan x / w) unwrapped */
function azimuth(x: number, w: number): number {
  const turns = Math.round(x / Math.PI);
  const y = x - turns * Math.PI;
  return turns * Math.PI + Math.atan2(Math.sin(y), w * Math.cos(y));
}

/** the angle in [0, 2π) */
function positiveAngle(angle: number): number {
  return ((angle % TURN) + TURN) % TURN;
}
