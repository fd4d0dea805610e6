// The standard normal law. The upper tail is W. J. Cody's rational Chebyshev approximations
// ("Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631–637; the
// coefficients of his ANORM, ACM TOMS Algorithm 715, 1993, which R's pnorm also uses): one rational
// function near 0 and two of the Mills ratio in the tails, each good to about 10⁻¹⁶ relative, and
// exp(−x²/2) as a product of two exps, of x rounded to 1/16 and of the rest, so that the rounding of x²
// does not cost digits far out. No series to converge: the simulations take a p-value a hypothesis a
// stage. The quantile is Wichura's AS 241, R's qnorm: rational functions good to about 10⁻¹⁶, no call of Φ.

const INV_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);

export function normalPdf(x: number): number {
  return INV_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
}

// Cody's three rational functions, coefficients from the constant term up (rational() below): ½ − Φ̄(x)
// = x·A(x²)/B(x²) for |x| ≤ CENTRE_LIMIT; the Mills-ratio form Q(y)·exp(y²/2) = C(y)/D(y) up to √32;
// beyond, (1/√(2π) − y⁻²·P(y⁻²)/Q(y⁻²))/y
const CENTRE_LIMIT = 0.66291;
const CENTRE_A = [18154.98125334356, 1067.6894854603709, 161.02823106855587, 2.2352520354606837, 0.06568233791820745];
const CENTRE_B = [45507.78933502673, 10260.932208618979, 976.0985517377767, 47.202581904688245, 1];
const MIDDLE_LIMIT = Math.sqrt(32);
const MIDDLE_C = [
  9842.714838383978, 11602.65143764735, 6848.190450536283, 2494.5375852903726, 597.2702763948002, 93.50665613217785,
  8.883149794388377, 0.39894151208813466, 1.0765576773720192e-8,
];
const MIDDLE_D = [
  19685.429676859992, 38912.00328609327, 34900.95272114598, 18615.571640885097, 6485.558298266761, 1519.3775994075547,
  235.387901782625, 22.266688044328117, 1,
];
const TAIL_P = [
  0.000029112874951168793, 0.0014216191932278934, 0.022235277870649807, 0.12740116116024736, 0.215898534057957,
  0.023073441764940174,
];
const TAIL_Q = [
  7.297515550839662e-5, 0.0037823963320275824, 0.06598813786892856, 0.4682382124808651, 1.284260096144911, 1,
];
/** Q(y) underflows to 0 beyond this */
const UPPER_LIMIT = 38.5;

/** P(Z ≥ x) */
export function normalUpper(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= CENTRE_LIMIT) return 0.5 - x * rational(CENTRE_A, CENTRE_B, x * x);
  if (y > UPPER_LIMIT) return x > 0 ? 0 : 1;
  let ratio: number;
  if (y <= MIDDLE_LIMIT) ratio = rational(MIDDLE_C, MIDDLE_D, y);
  else {
    const inverse = 1 / (y * y);
    ratio = (INV_SQRT_TWO_PI - inverse * rational(TAIL_P, TAIL_Q, inverse)) / y;
  }
  // exp(−y²/2) = exp(−r²/2)·exp(−(y − r)(y + r)/2), r = y rounded down to 1/16: r² is exact
  const rounded = Math.trunc(y * 16) / 16;
  const tail = Math.exp(-0.5 * rounded * rounded) * Math.exp(-0.5 * (y - rounded) * (y + rounded)) * ratio;
  return x > 0 ? tail : 1 - tail;
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

/** (Σ up_i·x^i)/(Σ down_i·x^i), the coefficients from the constant term up, by Horner's rule */
function rational(up: readonly number[], down: readonly number[], x: number): number {
  let numerator = up[up.length - 1];
  for (let i = up.length - 2; i >= 0; i--) numerator = numerator * x + up[i];
  let denominator = down[down.length - 1];
  for (let i = down.length - 2; i >= 0; i--) denominator = denominator * x + down[i];
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
