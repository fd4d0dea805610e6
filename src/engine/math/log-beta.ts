// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). When one argument is large the last two terms
// nearly cancel, so their difference is taken from Stirling's series instead:
//   ln Γ(x + s) − ln Γ(x) = (x − ½)·ln(1 + s/x) + s·ln(x + s) − s + δ(x + s) − δ(x),
// δ(x) = 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷), whose next term is below 10⁻¹⁶ for x ≥ 10.
import { lnGamma } from './log-gamma.js';

const STIRLING_FROM = 10;

function stirlingCorrection(x: number): number {
  const inverse = 1 / x;
  const square = inverse * inverse;
  return inverse * (1 / 12 - square * (1 / 360 - square * (1 / 1260 - square / 1680)));
}

export function lnBeta(a: number, b: number): number {
  const large = Math.max(a, b);
  const small = Math.min(a, b);
  if (large < STIRLING_FROM) return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
  const growth = (large - 0.5) * Math.log1p(small / large) + small * Math.log(large + small) - small +
    stirlingCorrection(large + small) - stirlingCorrection(large);
  return lnGamma(small) - growth;
}
