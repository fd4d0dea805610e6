// Whether a number as a table shows it ("0.812", "1,234.5", "0.00153", "2.1e-7") is the value
// rounded to the digits shown: within half a unit of its last digit.
export function displayedMatches(shown: string, value: number): boolean {
  const match = /^(-?[\d,]*\.?(\d*))(?:e([-+]?\d+))?$/.exec(shown.replace(/−/g, '-'));
  if (!match) return false;
  const [, mantissa, decimals, exponent] = match;
  const scale = 10 ** Number(exponent ?? 0);
  const parsed = Number(mantissa.replace(/,/g, '')) * scale;
  return Math.abs(parsed - value) <= 0.5 * 10 ** -decimals.length * scale * (1 + 1e-9);
}
