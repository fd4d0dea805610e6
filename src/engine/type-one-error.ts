// Type I error beside power: each design's results with a `null` block, the same design simulated
// under the global null (planning/global-null.ts: no effect anywhere; the same sizes, rules, seed
// and so random streams). `flagged` says that the simulated family-wise error is above α by more
// than its Monte Carlo error can explain: P(reject any) > α + 3·MCSE, i.e. the estimate's lower
// bound p̂ − 3·√(p̂(1 − p̂)/R) lies above α, so a design that holds α is flagged with probability
// about Φ(−3) ≈ 0.0013. The command line and the page both call this after their two runs; it only
// reads the two results.
import { nullWhereNotFinite } from './finite.js';
import type { DesignResult, Probabilities } from './results.js';

export type TypeOneError = {
  /** trials simulated under the global null */
  replicates: number;
  /** P(reject) under the global null: the type I error of each test, `any` the family-wise one */
  reject: Probabilities;
  mcse: Probabilities;
  /** α + 3·mcse.any: above it the family-wise error is flagged */
  limit: number;
  /** reject.any > limit */
  flagged: boolean;
};

/** `results` each with its `null` block, from the same designs' `nullResults` (matched by id) */
export function withTypeOneError(
  results: readonly DesignResult[],
  nullResults: readonly DesignResult[],
  alpha: number,
): DesignResult[] {
  const byId = new Map(nullResults.map((result) => [result.id, result]));
  return results.map((result) => {
    const underNull = byId.get(result.id);
    if (!underNull) throw new Error(`design ${JSON.stringify(result.id)} has no result under the global null`);
    // the block before `nulls`, which stays last
    const { nulls, ...rest } = result;
    const combined: DesignResult = { ...rest, null: typeOneError(underNull, alpha) };
    if (nulls) combined.nulls = nulls;
    return nullWhereNotFinite(combined, "not computable at this scenario's settings");
  });
}

function typeOneError(result: DesignResult, alpha: number): TypeOneError {
  const limit = alpha + 3 * result.mcse.any;
  return {
    replicates: result.replicates,
    reject: { ...result.reject },
    mcse: { ...result.mcse },
    limit,
    flagged: result.reject.any > limit,
  };
}
