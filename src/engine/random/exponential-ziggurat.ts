// Standard exponential draws by G. Marsaglia & W. W. Tsang's ziggurat (J. Stat. Softw. 5(8), 2000,
// REXP with 256 layers): one 32-bit uniform gives the layer (its low 8 bits) and the abscissa; 98.9%
// of draws end at one comparison, with no logarithm. Tables are built here from r and v.
import type { UniformSource } from './stream.js';

const LAYERS = 256;
const R = 7.697117470131487;
const V = 3.949659822581572e-3;
const TWO_32 = 4294967296;
const KE = new Float64Array(LAYERS);
const WE = new Float64Array(LAYERS);
const FE = new Float64Array(LAYERS);

{
  let d = R;
  let t = d;
  const q = V / Math.exp(-d);
  KE[0] = (d / q) * TWO_32;
  KE[1] = 0;
  WE[0] = q / TWO_32;
  WE[LAYERS - 1] = d / TWO_32;
  FE[0] = 1;
  FE[LAYERS - 1] = Math.exp(-d);
  for (let i = LAYERS - 2; i >= 1; i--) {
    d = -Math.log(V / d + Math.exp(-d));
    KE[i + 1] = (d / t) * TWO_32;
    t = d;
    FE[i] = Math.exp(-d);
    WE[i] = d / TWO_32;
  }
}

/** one standard exponential draw from `source` (uniform k/2³² on [0, 1)) */
export function standardExponential(source: UniformSource): number {
  for (;;) {
    const jz = source.next() * TWO_32;
    const iz = jz & (LAYERS - 1);
    if (jz < KE[iz]) return jz * WE[iz];
    if (iz === 0) return R - Math.log(1 - source.next());
    const x = jz * WE[iz];
    if (FE[iz] + source.next() * (FE[iz - 1] - FE[iz]) < Math.exp(-x)) return x;
  }
}
