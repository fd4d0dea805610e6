// Exact binomial draws for the sampler (sampler.ts): sequential-search inversion when n·p < 10, Hörmann's
// BTRD otherwise, p > ½ by symmetry. Each method's set-up for the last (n, p) is kept in fields and
// reused while the parameters repeat, as a stage's arms of one size draw again and again.
import { stirlingCorrection } from './log-factorial.js';
import type { UniformSource } from './stream.js';

/** BTRD's h, the m-dependent part of log f(k)/f(m) (Hörmann 1993, step 3.3) */
function btrdH(n: number, m: number, r: number): number {
  return (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) + stirlingCorrection(m) + stirlingCorrection(n - m);
}

export class BinomialDraws {
  // inversion set-up for the last (n, p): q^n, p/q, (n + 1)p/q
  private inversionN = NaN;
  private inversionP = NaN;
  private inversionQn = NaN;
  private inversionS = NaN;
  private inversionA = NaN;

  // BTRD set-up for the last (n, p), names as in Hörmann (1993)
  private btrdN = NaN;
  private btrdP = NaN;
  private btrdM = NaN;
  private btrdR = NaN;
  private btrdNr = NaN;
  private btrdNpq = NaN;
  private btrdA = NaN;
  private btrdB = NaN;
  private btrdC = NaN;
  private btrdAlpha = NaN;
  private btrdVr = NaN;
  private btrdUrVr = NaN;
  private btrdH = NaN;

  /** `counts`: the sampler's stream for counts */
  constructor(private readonly counts: UniformSource) {}

  /** Binomial(n, p), exact; p > ½ by symmetry, n·p < 10 by inversion, otherwise BTRD */
  draw(n: number, p: number): number {
    if (p <= 0.5) return this.upToHalf(n, p);
    return n - this.upToHalf(n, 1 - p);
  }

  private upToHalf(n: number, p: number): number {
    if (n === 0 || p <= 0) return 0;
    if (n * p < 10) return this.inversion(n, p);
    return this.btrd(n, p);
  }

  /**
   * Sequential search from 0, BINV of V. Kachitvichyanukul & B. W. Schmeiser, "Binomial random
   * variate generation", Commun. ACM 31(2) (1988) 216–222: f(x)/f(x − 1) = (n + 1)s/x − s, s = p/q.
   */
  private inversion(n: number, p: number): number {
    if (n !== this.inversionN || p !== this.inversionP) {
      this.inversionN = n;
      this.inversionP = p;
      this.inversionQn = Math.exp(n * Math.log1p(-p));
      this.inversionS = p / (1 - p);
      this.inversionA = (n + 1) * this.inversionS;
    }
    const f0 = this.inversionQn;
    const s = this.inversionS;
    const a = this.inversionA;
    for (;;) {
      let u = this.counts.next();
      let f = f0;
      let x = 0;
      while (u >= f) {
        u -= f;
        x++;
        if (x > n) break;
        f *= a / x - s;
      }
      if (x <= n) return x;
    }
  }

  /**
   * BTRD, transformed rejection with decomposition: W. Hörmann, "The generation of binomial random
   * variates", J. Stat. Comput. Simul. 46 (1993) 101–110, for p ≤ ½ and n·p ≥ 10. Steps numbered as
   * in the paper.
   */
  private btrd(n: number, p: number): number {
    if (n !== this.btrdN || p !== this.btrdP) {
      if (!(n * p < Infinity)) return NaN;
      this.btrdSetUp(n, p);
    }
    const m = this.btrdM;
    const r = this.btrdR;
    const nr = this.btrdNr;
    const npq = this.btrdNpq;
    const a = this.btrdA;
    const b = this.btrdB;
    const c = this.btrdC;
    const alpha = this.btrdAlpha;
    const vr = this.btrdVr;
    for (;;) {
      // 1: the box of immediate acceptance
      let v = this.counts.next();
      if (v <= this.btrdUrVr) {
        const u = v / vr - 0.43;
        return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
      }
      // 2
      let u: number;
      if (v >= vr) {
        u = this.counts.next() - 0.5;
      } else {
        u = v / vr - 0.93;
        u = (u < 0 ? -0.5 : 0.5) - u;
        v = this.counts.next() * vr;
      }
      // 3.0
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (k < 0 || k > n) continue;
      v = (v * alpha) / (a / (us * us) + b);
      const km = Math.abs(k - m);
      if (km <= 15) {
        // 3.1: f(k)/f(m) by the recursion f(i)/f(i − 1) = nr/i − r
        if (m < k) {
          let f = 1;
          for (let i = m + 1; i <= k; i++) f *= nr / i - r;
          if (v <= f) return k;
        } else {
          for (let i = k + 1; i <= m; i++) v *= nr / i - r;
          if (v <= 1) return k;
        }
        continue;
      }
      // 3.2: squeeze on log f(k)/f(m)
      const logV = Math.log(v);
      const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
      const t = (-km * km) / (2 * npq);
      if (logV < t - rho) return k;
      if (logV > t + rho) continue;
      // 3.3–3.4: log f(k)/f(m) through Stirling's formula
      if (Number.isNaN(this.btrdH)) this.btrdH = btrdH(n, m, r);
      const nk = n - k + 1;
      const bound =
        this.btrdH +
        (n + 1) * Math.log((n - m + 1) / nk) +
        (k + 0.5) * Math.log((nk * r) / (k + 1)) -
        stirlingCorrection(k) -
        stirlingCorrection(n - k);
      if (logV <= bound) return k;
    }
  }

  private btrdSetUp(n: number, p: number): void {
    const q = 1 - p;
    const spq = Math.sqrt(n * p * q);
    const m = Math.floor((n + 1) * p);
    const r = p / q;
    const b = 1.15 + 2.53 * spq;
    this.btrdN = n;
    this.btrdP = p;
    this.btrdM = m;
    this.btrdR = r;
    this.btrdNr = (n + 1) * r;
    this.btrdNpq = n * p * q;
    this.btrdB = b;
    this.btrdA = -0.0873 + 0.0248 * b + 0.01 * p;
    this.btrdC = n * p + 0.5;
    this.btrdAlpha = (2.83 + 5.1 / b) * spq;
    this.btrdVr = 0.92 - 4.2 / b;
    this.btrdUrVr = 0.86 * this.btrdVr;
    this.btrdH = NaN; // needed in few draws: computed on first use
  }
}
