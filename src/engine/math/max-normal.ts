// P(max_k Z_k ≥ z) for Z ~ N(0, R), R a correlation matrix of rank at most 3 (the four
// Fleming–Harrington statistics of a maxcombo test have rank 3, since the weights 1 − Ŝ and Ŝ add
// up to 1; a one-sided Dunnett test of up to three comparisons has rank 3 or less), by the
// spherical–radial decomposition with the radial integral in closed form.
//
// Write Z_k = a_k·X, X standard normal in 3 dimensions, |a_k| = 1 (a_k the rows of R's pivoted
// Cholesky factor). Along the ray from 0 in direction u the event max_k a_k·X ≥ z (z > 0) begins
// at radius z / max_k a_k·u, and |X| has the χ₃ law, independent of the direction (I. Deák, Numer.
// Math. 35 (1980) 369–380; A. Genz & F. Bretz, Computation of Multivariate Normal and t
// Probabilities, Springer 2009, ch. 4). The sphere splits into the cells where each a_k attains the maximum (a
// spherical Voronoi diagram); in polar coordinates about a_k the radial and polar integrals over its
// cell come out in closed form, ∫_{cos θ}^1 P(χ₃ > z/t) dt = 2Φ̄(z) − 2s·Φ̄(z/s) with s = cos θ, so
//   P(max ≥ z) = (1/2π) Σ_k ∫₀^{2π} [Φ̄(z) − g(s_k(φ))] dφ,  g(s) = s·Φ̄(z/s) for s > 0, else 0,
// s_k(φ) = cos of the polar angle of the cell's boundary at azimuth φ. The boundary is made of
// arcs of the great circles that bisect a_k and its neighbours, and along such an arc, with x its
// angle from the arc's point nearest a_k, s = r·cos x and dφ = w·dx / (1 − s²) (w = √((1 − ρ)/2),
// r = √(1 − w²), ρ = a_k·a_j). Each arc bounds the two cells it separates with the same s and the
// same dφ, so it is integrated once and counted twice:
//   P(max ≥ z) = d·Φ̄(z) − (1/π) Σ_arcs ∫ g(r cos x)·w / (1 − r² cos² x) dx.
// z < 0 is the mirror image: the polytope {max < z} lies beyond the antipodal side, and
// P(max < z) = (1/π) Σ_arcs ∫ g(r cos x) … dx with g(s) = s·Φ̄(|z|/s) and x measured from the arc's
// point farthest from a_k.
// - Only the part of an arc where g is above 10⁻¹² of its largest value is integrated; the cut
//   also keeps the essential singularity of Φ̄(|z|/s) at s = 0 off the rule.
// - Beside a close neighbour (ρ → 1) w/(1 − s²) is a narrow peak of height 1/w; the integrand is
//   then written as (g(s) − g(1))·w/(1 − s²), which (1 − s)/(1 − s²) = 1/(1 + s) flattens, plus
//   g(1)·w/(1 − s²), whose integral is atan(tan x / w) exactly. The upper tail is at least
//   Φ̄(z) = g(1), so it always subtracts it; the lower tail may be far smaller than g(1) and
//   subtracts it only beside a close neighbour, where g(r) ≈ g(1).
// - What is left is smooth on the arc and integrated by a 20-point Gauss–Legendre rule; every term
//   scales with the tail it adds to, so a small probability keeps its relative accuracy. Against R's
//   mvtnorm (test/fixtures/reference/mvtnorm-max.json): within 6·10⁻¹¹ relative at the fixtures' points,
//   7·10⁻⁸ absolute where |z| < 1 (p above 0.15, where no test decides); about 12 µs for four
//   coordinates. Off the fixtures it is less accurate near z = 0, where g changes faster than one rule
//   per arc resolves: against max-normal-4.ts, which adds panels there, 4·10⁻⁹ at z = 1 and 2.6·10⁻⁶
//   at z = 0.04 (ρ ≈ 0.77); a maxcombo test decides at z near its critical value, 2 or more.
import { gaussLegendre } from './gauss-legendre.js';
import { normalUpper } from './normal.js';

const RULE = gaussLegendre(20);
/**
 * Φ̄(x)/Φ̄(y) < exp(−(x² − y²)/2) for x > y > 0, so where (|z|/s)² exceeds (|z|/r)² by 2·ln 10¹² a
 * term is below 10⁻¹² of the largest (r the largest s an arc reaches), under the rule's own error
 */
const NEGLIGIBLE = 2 * 12 * Math.LN10;
/** below this w (ρ above 1/2) the peak of w/(1 − s²) is narrower than the rule resolves */
const CLOSE = 0.5;
/** a residual variance below this after three pivots is rounding of an exactly singular matrix */
const SINGULAR = 1e-10;
/** coordinates this correlated are one statistic counted twice */
const DUPLICATE = 1e-12;

/**
 * Workspace for max-of-normals probabilities in up to `maxDimension` coordinates, reused from call
 * to call (a simulation evaluates one per trial without allocating).
 */
export class MaxOfNormals {
  /** a_k, three numbers per coordinate, duplicates removed */
  private readonly vectors: Float64Array;
  private count = 0;
  /** w, r, start and span of the arc being integrated */
  private readonly bisector = new Float64Array(4);

  constructor(private readonly maxDimension: number) {
    this.vectors = new Float64Array(3 * maxDimension);
  }

  /** P(max_k Z_k ≥ z), Z ~ N(0, R) with R given row by row, `dimension` × `dimension`, rank ≤ 3 */
  upper(correlation: ArrayLike<number>, dimension: number, z: number): number {
    const tail = this.tail(correlation, dimension, z);
    return z >= 0 ? tail : 1 - tail;
  }

  /** P(max_k Z_k < z), relative accuracy kept where it is small (z < 0) */
  lower(correlation: ArrayLike<number>, dimension: number, z: number): number {
    const tail = this.tail(correlation, dimension, z);
    return z >= 0 ? 1 - tail : tail;
  }

  /** the side that may be small, computed directly: P(max ≥ z) for z ≥ 0, P(max < z) for z < 0 */
  private tail(correlation: ArrayLike<number>, dimension: number, z: number): number {
    if (Number.isNaN(z)) return NaN;
    if (!Number.isFinite(z)) return 0;
    this.embed(correlation, dimension);
    const d = this.count;
    const absolute = Math.abs(z);
    const atOne = normalUpper(absolute);
    if (d === 1) return atOne;
    const mirrored = z < 0;
    // the largest s any arc reaches: 1 bounds it; below the tail probability is of order Φ̄(|z|/r)
    let top = 1;
    if (mirrored) {
      top = 0;
      for (let k = 0; k < d; k++) for (let j = k + 1; j < d; j++) top = Math.max(top, this.reach(k, j));
    }
    const cut = absolute / Math.sqrt((absolute / top) ** 2 + NEGLIGIBLE);
    let total = 0;
    for (let k = 0; k < d; k++) {
      for (let j = k + 1; j < d; j++) total += this.arc(k, j, absolute, atOne, cut, mirrored);
    }
    const tail = mirrored ? total / Math.PI : d * atOne - total / Math.PI;
    return Math.min(1, Math.max(0, tail));
  }

  /**
   * ∫ g dφ along the arc bisecting a_k and a_j that bounds both their cells (0 when they are not
   * neighbours), over its part where s exceeds the cut
   */
  private arc(k: number, j: number, absolute: number, atOne: number, cut: number, mirrored: boolean): number {
    const bisector = this.bisector;
    if (!bisectorArc(this.vectors, this.count, k, j, bisector)) return 0;
    const w = bisector[0];
    const r = bisector[1];
    let start = bisector[2];
    const span = bisector[3];
    if (!(r > cut)) return 0;
    // the upper tail is at least Φ̄(z) = g(1), so subtracting it loses nothing; the lower one may be far
    // smaller, and needs it only beside a close neighbour, where r ≈ 1 and g(r) ≈ g(1)
    const subtracted = mirrored && w >= CLOSE ? 0 : atOne;
    // for z < 0, angles from the point farthest from a_k
    if (mirrored) start += Math.PI;
    // the window where s = r·cos x exceeds the cut, intersected with the arc
    const edge = Math.acos(cut / r);
    let from: number;
    let to: number;
    if (span === 2 * Math.PI) {
      from = -edge;
      to = edge;
    } else {
      const begin = positiveAngle(start + edge) - edge; // the arc's start within [−edge, 2π − edge)
      from = Math.max(-edge, begin);
      to = Math.min(edge, begin + span);
      if (!(to > from)) {
        // the arc may reach the window only after wrapping once
        from = -edge;
        to = Math.min(edge, begin + span - 2 * Math.PI);
        if (!(to > from)) return 0;
      }
    }
    const middle = 0.5 * (from + to);
    const half = 0.5 * (to - from);
    let sum = 0;
    for (let n = 0; n < RULE.nodes.length; n++) {
      const s = r * Math.cos(middle + half * RULE.nodes[n]);
      const g = s > cut ? s * normalUpper(absolute / s) : 0;
      sum += (RULE.weights[n] * (g - subtracted)) / (1 - s * s);
    }
    return w * half * sum + subtracted * (Math.atan(Math.tan(to) / w) - Math.atan(Math.tan(from) / w));
  }

  /** r = √(1 − w²), the largest s on the circle bisecting a_k and a_j */
  private reach(k: number, j: number): number {
    const a = this.vectors;
    const dot = a[3 * k] * a[3 * j] + a[3 * k + 1] * a[3 * j + 1] + a[3 * k + 2] * a[3 * j + 2];
    return Math.sqrt(Math.max(0, (1 + dot) / 2));
  }

  /** the unit vectors a_k of R's pivoted Cholesky factor, duplicates dropped */
  private embed(correlation: ArrayLike<number>, d: number): void {
    if (d > this.maxDimension) throw new Error(`at most ${this.maxDimension} coordinates, got ${d}`);
    const a = this.vectors;
    pivotedCholesky(correlation, d, a, 3);
    let count = 0;
    for (let i = 0; i < d; i++) {
      if (correlation[i * d + i] - squaredNorm(a, i, 3, 3) > SINGULAR) {
        throw new Error('the correlation matrix has rank above 3');
      }
      const norm = Math.sqrt(squaredNorm(a, i, 3, 3));
      const x = a[3 * i] / norm;
      const y = a[3 * i + 1] / norm;
      const z = a[3 * i + 2] / norm;
      let duplicate = false;
      for (let m = 0; m < count && !duplicate; m++) {
        duplicate = a[3 * m] * x + a[3 * m + 1] * y + a[3 * m + 2] * z > 1 - DUPLICATE;
      }
      if (duplicate) continue;
      a[3 * count] = x;
      a[3 * count + 1] = y;
      a[3 * count + 2] = z;
      count++;
    }
    this.count = count;
  }
}

/**
 * R = F·Fᵀ by Cholesky with the largest remaining pivot first, F with `columns` columns, row i of F at
 * `columns`·i; stops at the first residual variance under 10⁻¹⁰ (rounding of a singular R) and returns
 * how many columns it filled, the rank it saw
 */
export function pivotedCholesky(
  correlation: ArrayLike<number>,
  d: number,
  factor: Float64Array,
  columns: number,
): number {
  factor.fill(0, 0, columns * d);
  for (let column = 0; column < columns; column++) {
    let pivot = -1;
    let largest = SINGULAR;
    for (let i = 0; i < d; i++) {
      const residual = correlation[i * d + i] - squaredNorm(factor, i, column, columns);
      if (residual > largest) {
        largest = residual;
        pivot = i;
      }
    }
    if (pivot < 0) return column;
    const root = Math.sqrt(largest);
    for (let i = 0; i < d; i++) {
      let value = correlation[i * d + pivot];
      for (let m = 0; m < column; m++) value -= factor[columns * i + m] * factor[columns * pivot + m];
      factor[columns * i + column] = i === pivot ? root : value / root;
    }
  }
  return columns;
}

/**
 * The arc of the great circle bisecting the unit vectors a_k and a_j (three numbers each in `vectors`)
 * that bounds both their cells of the spherical Voronoi diagram of the first `count`: writes
 * w = a_k·n (n the circle's normal), r = √(1 − w²), and the arc's start and span as angles along the
 * circle from its point nearest a_k (where a_k·u = r), into `arc`; false when they are not neighbours
 */
export function bisectorArc(vectors: Float64Array, count: number, k: number, j: number, arc: Float64Array): boolean {
  const a = vectors;
  let nx = a[3 * k] - a[3 * j];
  let ny = a[3 * k + 1] - a[3 * j + 1];
  let nz = a[3 * k + 2] - a[3 * j + 2];
  const length = Math.hypot(nx, ny, nz);
  nx /= length;
  ny /= length;
  nz /= length;
  const w = a[3 * k] * nx + a[3 * k + 1] * ny + a[3 * k + 2] * nz;
  const r = Math.sqrt(Math.max(0, 1 - w * w));
  arc[0] = w;
  arc[1] = r;
  // antipodal: every point of the circle is as far from both, and the circle has no nearest point
  if (!(r > 0)) return false;
  // the arc's circle: e_a towards a_k's projection (s = r at angle 0), e_b = n × e_a
  const ax = (a[3 * k] - w * nx) / r;
  const ay = (a[3 * k + 1] - w * ny) / r;
  const az = (a[3 * k + 2] - w * nz) / r;
  const bx = ny * az - nz * ay;
  const by = nz * ax - nx * az;
  const bz = nx * ay - ny * ax;
  // the arc: the angles where every other a_i is no closer to the circle's points than a_k is
  let start = 0;
  let span = 2 * Math.PI;
  for (let i = 0; i < count; i++) {
    if (i === k || i === j) continue;
    const mx = a[3 * k] - a[3 * i];
    const my = a[3 * k + 1] - a[3 * i + 1];
    const mz = a[3 * k + 2] - a[3 * i + 2];
    const p = mx * ax + my * ay + mz * az;
    const q = mx * bx + my * by + mz * bz;
    // the half circle (a_k − a_i)·u ≥ 0
    const from = Math.atan2(q, p) - Math.PI / 2;
    if (span === 2 * Math.PI) {
      start = from;
      span = Math.PI;
      continue;
    }
    const offset = positiveAngle(from - start);
    if (offset < span) {
      start += offset;
      span = Math.min(span - offset, Math.PI);
    } else if (offset + Math.PI > 2 * Math.PI) span = Math.min(span, offset + Math.PI - 2 * Math.PI);
    else return false;
    if (!(span > 0)) return false;
  }
  arc[2] = start;
  arc[3] = span;
  return true;
}

/** Σ_{m < count} a[stride·i + m]² */
function squaredNorm(a: Float64Array, i: number, count: number, stride: number): number {
  let sum = 0;
  for (let m = 0; m < count; m++) sum += a[stride * i + m] * a[stride * i + m];
  return sum;
}

/** the angle in [0, 2π) */
function positiveAngle(angle: number): number {
  const turn = 2 * Math.PI;
  return ((angle % turn) + turn) % turn;
}
