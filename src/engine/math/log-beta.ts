// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). When one argument is large the last two terms
// nearly cancel, so their difference is taken from Stirling's series instead:
//   ln Γ(x + s) − ln Γ(x) = (x − ½)·ln(1 + s/x) + s·ln(x + s) − s + δ(x + s) − δ(x).
import { lnGamma } from './log-gamma.js';
import { stirlingSeries } from './stirling.js';

const STIRLING_FROM = 10;

export function lnBeta(a: number, b: number): number {
  const large = Math.max(a, b);
  const small = Math.min(a, b);
  if (large < STIRLING_FROM) return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
  const growth =
    (large - 0.5) * Math.log1p(small / large) +
    small * Math.log(large + small) -
    small +
    stirlingSeries(large + small) -
    stirlingSeries(large);
  return lnGamma(small) - growth;
}
