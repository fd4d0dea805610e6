// Gauss–Legendre nodes and weights on [−1, 1], found by Newton's method on the Legendre
// polynomial from Chebyshev starting points (W. H. Press et al., Numerical Recipes, 3rd ed.,
// 2007, §4.6), so no table of constants can be mistyped.
export interface GaussLegendreRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

export function gaussLegendre(points: number): GaussLegendreRule {
  const nodes = new Float64Array(points);
  const weights = new Float64Array(points);
  const half = Math.ceil(points / 2);
  for (let i = 0; i < half; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (points + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = 0;
      for (let j = 0; j < points; j++) {
        const p2 = p1;
        p1 = p0;
        p0 = ((2 * j + 1) * x * p1 - j * p2) / (j + 1);
      }
      derivative = (points * (x * p0 - p1)) / (x * x - 1);
      const previous = x;
      x = previous - p0 / derivative;
      if (Math.abs(x - previous) < 1e-15) break;
    }
    nodes[i] = -x;
    nodes[points - 1 - i] = x;
    weights[i] = weights[points - 1 - i] = 2 / ((1 - x * x) * derivative * derivative);
  }
  return { nodes, weights };
}
