// The trapezoidal rule with Gregory's end corrections (Gregory's formula, as in P. J. Davis & P.
// Rabinowitz, Methods of Numerical Integration): unit-step weights that integrate
// polynomials to degree 7 exactly on equally spaced nodes, for any number of nodes.

/** Gregory's coefficients: the trapezoidal rule's end corrections through the 6th difference (exact to degree 7) */
const GREGORY_COEFFICIENTS = [1 / 12, 1 / 24, 19 / 720, 3 / 160, 863 / 60480, 275 / 24192];
/** the trapezoidal weights with Gregory's corrections, at the nodes 0, 1, … from an end */
export const END_WEIGHTS = gregoryEndWeights();

/** Gregory's weights at the nodes 0, 1, … from an end: ½ or 1, minus Σ_k G_k·(−1)^j·C(k, j) */
function gregoryEndWeights(): Float64Array {
  const weights = Float64Array.from({ length: GREGORY_COEFFICIENTS.length + 1 }, (_, j) => (j === 0 ? 0.5 : 1));
  GREGORY_COEFFICIENTS.forEach((coefficient, index) => {
    const order = index + 1;
    let binomial = 1;
    for (let j = 0; j <= order; j++) {
      weights[j] -= coefficient * (j % 2 === 0 ? 1 : -1) * binomial;
      binomial = (binomial * (order - j)) / (j + 1);
    }
  });
  return weights;
}

/** unit-step trapezoidal weights with Gregory's corrections at both ends (count ≥ 2·END_WEIGHTS.length) */
export function gregoryWeights(count: number): Float64Array {
  const weights = new Float64Array(count).fill(1);
  for (let j = 0; j < END_WEIGHTS.length; j++) {
    weights[j] = END_WEIGHTS[j];
    weights[count - 1 - j] = END_WEIGHTS[j];
  }
  return weights;
}
