// A root of a function of one variable that changes sign on an interval (Brent's method).

/**
 * the zero of f between low and high, where f changes sign, by Brent's method (R. P. Brent,
 * Algorithms for Minimization without Derivatives, 1973, ch. 4), to 10⁻¹²
 */
export function brentRoot(f: (x: number) => number, low: number, high: number): number {
  let a = low;
  let b = high;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  let c = a;
  let fc = fa;
  let step = b - a;
  let previous = step;
  for (let iteration = 0; iteration < 100; iteration++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      step = b - a;
      previous = step;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * Number.EPSILON * Math.abs(b) + 0.5e-12;
    const middle = 0.5 * (c - b);
    if (Math.abs(middle) <= tolerance || fb === 0) return b;
    if (Math.abs(previous) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      // inverse quadratic interpolation, or the secant when two of the points coincide
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * middle * s;
        q = 1 - s;
      } else {
        const u = fa / fc;
        const v = fb / fc;
        p = s * (2 * middle * u * (u - v) - (b - a) * (v - 1));
        q = (u - 1) * (v - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * middle * q - Math.abs(tolerance * q), Math.abs(previous * q))) {
        previous = step;
        step = p / q;
      } else {
        step = middle;
        previous = middle;
      }
    } else {
      step = middle;
      previous = middle;
    }
    a = b;
    fa = fb;
    b += Math.abs(step) > tolerance ? step : middle > 0 ? tolerance : -tolerance;
    fb = f(b);
  }
  return b;
}
