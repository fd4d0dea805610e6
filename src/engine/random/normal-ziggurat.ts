// Tables for Sampler.normal: the ziggurat of G. Marsaglia & W. W. Tsang, "The ziggurat method
// for generating random variables", J. Stat. Softw. 5(8) (2000), with 256 layers, built here from
// r and v. The layer index and the abscissa come from separate uniforms (J. A. Doornik, "An
// improved ziggurat method to generate normal random samples", 2005), so they are independent. The
// base layer's tail beyond r is sampled by G. Marsaglia, "Generating a variable from the tail of the
// normal distribution", Technometrics 6 (1964) 101–102.

export const ZIGGURAT_LAYERS = 256;
/** start of the tail: the root r for which the 256 layers of area v close at the mode (40-digit mpmath) */
export const ZIGGURAT_R = 3.654152885361009;
/** area of each layer, v = r·f(r) + ∫_r^∞ f, f(x) = exp(−x²/2) (40-digit mpmath) */
const ZIGGURAT_V = 0.004928673233974655;
/** layer i spans abscissae [0, X[i]); X[0] = v/f(r) (base layer incl. tail), X[1] = r, X[256] = 0 */
export const ZIGGURAT_X = new Float64Array(ZIGGURAT_LAYERS + 1);
/** F[i] = f(X[i]); layer i ≥ 1 spans ordinates [F[i], F[i + 1]] */
export const ZIGGURAT_F = new Float64Array(ZIGGURAT_LAYERS + 1);
/** X[i + 1]/X[i]: a uniform below this puts the point inside the part of layer i under f */
export const ZIGGURAT_INNER = new Float64Array(ZIGGURAT_LAYERS);

function buildZiggurat(): void {
  const r = ZIGGURAT_R;
  const v = ZIGGURAT_V;
  const fr = Math.exp(-0.5 * r * r);
  ZIGGURAT_X[0] = v / fr;
  ZIGGURAT_X[1] = r;
  ZIGGURAT_F[0] = 0;
  ZIGGURAT_F[1] = fr;
  for (let i = 1; i < ZIGGURAT_LAYERS - 1; i++) {
    const top = v / ZIGGURAT_X[i] + ZIGGURAT_F[i];
    ZIGGURAT_X[i + 1] = Math.sqrt(-2 * Math.log(top));
    ZIGGURAT_F[i + 1] = top;
  }
  ZIGGURAT_X[ZIGGURAT_LAYERS] = 0;
  ZIGGURAT_F[ZIGGURAT_LAYERS] = 1;
  for (let i = 0; i < ZIGGURAT_LAYERS; i++) ZIGGURAT_INNER[i] = ZIGGURAT_X[i + 1] / ZIGGURAT_X[i];
}
buildZiggurat();
