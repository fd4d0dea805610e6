// The standard normal law. The upper tail uses G. Marsaglia's Taylor series of the Mills ratio
// R(x) = Q(x)/φ(x) about the nearest multiple of ½ (J. Stat. Softw. 11(4), 2004, expands about even
// points; the closer points need ~8 terms instead of ~30), R' = xR − 1, with R at 0, ½, …, 17
// taken once from the incomplete gamma function, Q(x) = ½·Γ(½, x²/2)/Γ(½); both
// keep full relative accuracy in the tail, and the series needs only arithmetic and one exp. The
// quantile is Wichura's AS 241, R's qnorm: rational functions good to about 10⁻¹⁶, no call of Φ.
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

/** 1/i for the series' terms: a multiplication instead of a division, whose latency the terms' chain waits on */
const RECIPROCALS = Float64Array.from({ length: 64 }, (_, i) => 1 / i);

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
  for (let i = 2; sum !== previous && i < 62; i += 2) {
    a = (a + z * b) * RECIPROCALS[i];
    b = (b + z * a) * RECIPROCALS[i + 1];
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

// Wichura's AS 241 (Appl. Statist. 37 (1988) 477–484, PPND16): three rational functions of degree 7,
// in p − ½ near the centre and in √(−log p) in the tails, each good to about 1 part in 10¹⁶
const CENTRE_UP = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087,
  33430.57558358813, 2509.0809287301227,
];
const CENTRE_DOWN = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943,
  5226.495278852854,
];
const NEAR_UP = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506,
  0.022723844989269184, 0.0007745450142783414,
];
const NEAR_DOWN = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const FAR_UP = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const FAR_DOWN = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 0.000018463183175100548,
  1.421511758316446e-7, 2.0442631033899397e-15,
];

/** (Σ up_i·x^i)/(Σ down_i·x^i), both of degree 7, by Horner's rule */
function rational(up: readonly number[], down: readonly number[], x: number): number {
  let numerator = up[7];
  let denominator = down[7];
  for (let i = 6; i >= 0; i--) {
    numerator = numerator * x + up[i];
    denominator = denominator * x + down[i];
  }
  return numerator / denominator;
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
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) return q * rational(CENTRE_UP, CENTRE_DOWN, 0.180625 - q * q);
  // the smaller tail, so that p's small side keeps its digits
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const x = r <= 5 ? rational(NEAR_UP, NEAR_DOWN, r - 1.6) : rational(FAR_UP, FAR_DOWN, r - 5);
  return q < 0 ? -x : x;
}
