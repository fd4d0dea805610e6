// The standard normal law. The upper tail uses G. Marsaglia's Taylor series of the Mills ratio
// R(x) = Q(x)/φ(x) about the nearest multiple of ½ (J. Stat. Softw. 11(4), 2004, expands about even
// points; the closer points need ~8 terms instead of ~30), R' = xR − 1, with R at 0, ½, …, 17
// taken once from the incomplete gamma function, Q(x) = ½·Γ(½, x²/2)/Γ(½); both
// keep full relative accuracy in the tail, and the series needs only arithmetic and one exp. The
// quantile starts from P. J. Acklam's rational approximation (relative error 1.15·10⁻⁹) and takes
// one Halley step on Φ, whose cubic convergence brings it to full double precision.
import { gammaQ } from './incomplete-gamma.js';

const INV_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);
const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
const LOG_SQRT_TWO_PI = Math.log(SQRT_TWO_PI);

export function normalPdf(x: number): number {
  return INV_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
}

/** P(Z ≥ x) from the incomplete gamma function: slow, used beyond the series' table */
function upperByGamma(x: number): number {
  const tail = 0.5 * gammaQ(0.5, 0.5 * x * x);
  return x > 0 ? tail : 1 - tail;
}

/** expansion points of the series: multiples of STEP up to SERIES_LIMIT */
const STEP = 0.5;
const SERIES_LIMIT = 17;
/** Mills ratio at 0, ½, …, 17 */
const MILLS = Float64Array.from(
  { length: SERIES_LIMIT / STEP + 1 },
  (_, j) => upperByGamma(j * STEP) / normalPdf(j * STEP),
);

/** P(Z ≥ x) */
export function normalUpper(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const absolute = Math.abs(x);
  if (absolute >= SERIES_LIMIT) return x > 0 ? (x === Infinity ? 0 : upperByGamma(x)) : 1;
  const j = Math.round(absolute / STEP);
  const z = j * STEP;
  const h = absolute - z;
  const q = h * h;
  let a = MILLS[j];
  let b = a * z - 1;
  let power = 1;
  let sum = a + h * b;
  let previous = a;
  for (let i = 2; sum !== previous; i += 2) {
    a = (a + z * b) / i;
    b = (b + z * a) / (i + 1);
    power *= q;
    previous = sum;
    sum += power * (a + h * b);
  }
  const tail = sum * Math.exp(-0.5 * x * x - LOG_SQRT_TWO_PI);
  return x >= 0 ? tail : 1 - tail;
}

/** P(Z ≤ x) */
export function normalCdf(x: number): number {
  return normalUpper(-x);
}

const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const LOW_REGION = 0.02425;

/** Acklam's approximation to the lower quantile for 0 < p ≤ ½ */
function acklamLower(p: number): number {
  if (p < LOW_REGION) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

/**
 * z = Φ⁻¹(1 − p), the z of a one-sided p-value, from the lower tail so that the tiny p of a strong
 * result or an early look keeps its digits (1 − p would round to 1); Infinity when p is 0
 */
export function zOfP(p: number): number {
  return -normalQuantile(p);
}

/** x with P(Z ≤ x) = p */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  // work in the lower tail so that p's small side keeps its digits
  const lower = p <= 0.5;
  const tail = lower ? p : 1 - p;
  let x = acklamLower(tail);
  const error = normalCdf(x) - tail;
  const u = error * SQRT_TWO_PI * Math.exp(0.5 * x * x);
  x -= u / (1 + 0.5 * x * u);
  return lower ? x : -x;
}
