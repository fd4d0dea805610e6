// Rejection probabilities of the closed test of H_S and H_F (docs/methods.md) when (z_S, z_F) is
// bivariate normal: one integral over z_S of the conditional normal tail of z_F. The rejection
// regions are unions of quadrants (see inference/intersection/types.ts), so for each z_S the region
// of z_F is a half-line (for both H_S and H_F too: z_S ≥ c and z_F past the larger of c and the
// intersection's threshold); the integrand is smooth between the break points, and composite
// Gauss–Legendre on short pieces integrates it to ~1e-10.
import { gaussLegendre } from '../math/gauss-legendre.js';
import { normalPdf, normalUpper } from '../math/normal.js';
import type { IntersectionThresholds } from '../inference/intersection/types.js';
import type { StatisticLaw } from './statistic-law.js';

export type ClosedTestPower = { any: number; S: number; F: number; both: number };

const { nodes: NODES, weights: WEIGHTS } = gaussLegendre(10);
const RANGE = 9;
const PIECE = 0.2;

export function closedTestPower(
  law: StatisticLaw,
  thresholds: IntersectionThresholds,
  critical: number,
): ClosedTestPower {
  const { S, F, correlation: rho } = law;
  const conditionalScale = F.scale * Math.sqrt(Math.max(0, 1 - rho * rho));
  // P(z_F ≥ t | X = x), where z_S = mean_S + scale_S·x
  const upperF = (t: number, x: number): number => {
    if (t === -Infinity) return 1;
    if (t === Infinity) return 0;
    const centre = F.mean + F.scale * rho * x;
    if (conditionalScale === 0) return centre >= t ? 1 : 0;
    return normalUpper((t - centre) / conditionalScale);
  };
  const intersectionF = (zS: number): number =>
    zS >= thresholds.s ? -Infinity : zS >= thresholds.both ? Math.min(thresholds.f, thresholds.both) : thresholds.f;

  // break points in x where the region changes, and where each half-line's conditional tail is steepest
  const breaks = new Set<number>([-RANGE, RANGE]);
  for (const z of [critical, thresholds.s, thresholds.both]) if (Number.isFinite(z)) breaks.add((z - S.mean) / S.scale);
  for (const t of [critical, thresholds.f, thresholds.both]) {
    if (Number.isFinite(t) && rho !== 0) breaks.add((t - F.mean) / (F.scale * rho));
  }
  const points = [...breaks].filter((x) => x >= -RANGE && x <= RANGE).sort((a, b) => a - b);

  let any = 0,
    rejectS = 0,
    rejectF = 0,
    rejectBoth = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const pieces = Math.max(1, Math.ceil((points[i + 1] - points[i]) / PIECE));
    const width = (points[i + 1] - points[i]) / pieces;
    for (let piece = 0; piece < pieces; piece++) {
      const left = points[i] + piece * width;
      for (let k = 0; k < NODES.length; k++) {
        const x = left + (width * (NODES[k] + 1)) / 2;
        const weight = ((WEIGHTS[k] * width) / 2) * normalPdf(x);
        const zS = S.mean + S.scale * x;
        const tIntersection = intersectionF(zS);
        const both = upperF(tIntersection, x);
        const fAlone = upperF(Math.max(critical, tIntersection), x);
        if (zS >= critical) {
          rejectS += weight * both;
          any += weight * both;
          // H_S rejected with the intersection, and z_F past both its own and the intersection's threshold
          rejectBoth += weight * fAlone;
        } else {
          any += weight * fAlone;
        }
        rejectF += weight * fAlone;
      }
    }
  }
  return { any, S: rejectS, F: rejectF, both: rejectBoth };
}
