// Stirling's series for δ(x) = ln Γ(x) − [(x − ½)·ln x − x + ½·ln 2π]:
//   δ(x) ≈ 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + 1/(1188x⁹)   (Abramowitz & Stegun 6.1.40)
// For x ≥ 10 the next term, 691/(360360·x¹¹), is below 2·10⁻¹⁴.

export function stirlingSeries(x: number): number {
  const z = 1 / (x * x);
  return (1 / 12 - z * (1 / 360 - z * (1 / 1260 - z * (1 / 1680 - z / 1188)))) / x;
}
