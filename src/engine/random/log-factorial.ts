// ln k! and its Stirling correction for the rejection tests of the binomial (BTRD) and Poisson
// (PTRS) samplers: exact values below 10, Stirling's series above.
import { stirlingSeries } from '../math/stirling.js';

const HALF_LOG_2PI = 0.9189385332046728;
/** ln k!, k = 0..9 (40-digit mpmath) */
const LOG_FACTORIAL = new Float64Array([
  0, 0, 0.6931471805599453, 1.791759469228055, 3.1780538303479458, 4.787491742782046, 6.579251212010101,
  8.525161361065415, 10.60460290274525, 12.801827480081469,
]);
/**
 * Stirling correction f_c(k) = ln k! − (k + ½)ln(k + 1) + (k + 1) − ½ln 2π, k = 0..9; the values of
 * Hörmann (1993), BTRD, confirmed to 40 digits with mpmath.
 */
const STIRLING_CORRECTION = new Float64Array([
  0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509, 0.01664469118982119,
  0.01387612882307075, 0.01189670994589177, 0.01041126526197209, 0.009255462182712733, 0.008330563433362871,
]);

/** f_c(k) = δ(k + 1), from the table below 10 and Stirling's series above */
export function stirlingCorrection(k: number): number {
  return k < 10 ? STIRLING_CORRECTION[k] : stirlingSeries(k + 1);
}

export function logFactorial(k: number): number {
  if (k < 10) return LOG_FACTORIAL[k];
  return (k + 0.5) * Math.log(k + 1) - (k + 1) + HALF_LOG_2PI + stirlingCorrection(k);
}
