// Several-populations scenarios the population tests share: one marker at two cutoffs (nested) and two
// markers (overlapping), each with or without an imperfect assay.

/** PD-L1-like: high ⊂ high ∪ low; S1 = [high], S2 = [high, low] */
export const NESTED = {
  subgroups: [
    { id: 'high', share: 0.25 },
    { id: 'low', share: 0.35 },
    { id: 'neg', share: 0.4 },
  ],
  populations: [
    { id: 'S1', subgroups: ['high'] },
    { id: 'S2', subgroups: ['high', 'low'] },
  ],
};

/** the same with an assay that reads high as low 15 % of the time, and low and neg as a neighbour 10 % */
export const NESTED_MISREAD = {
  ...NESTED,
  assay: { high: { high: 0.85, low: 0.15 }, low: { high: 0.1, low: 0.8, neg: 0.1 }, neg: { low: 0.1, neg: 0.9 } },
};

/** two markers A and B: SA = A+, SB = B+, overlapping in A+B+ */
export const OVERLAPPING = {
  subgroups: [
    { id: 'A+B+', share: 0.15 },
    { id: 'A+B-', share: 0.2 },
    { id: 'A-B+', share: 0.15 },
    { id: 'A-B-', share: 0.5 },
  ],
  populations: [
    { id: 'SA', subgroups: ['A+B+', 'A+B-'] },
    { id: 'SB', subgroups: ['A+B+', 'A-B+'] },
  ],
};

/** three populations besides F, overlapping (rpact's S1 … S123 and R) */
export const THREE = {
  subgroups: [
    { id: 'S1', share: 0.1 },
    { id: 'S2', share: 0.1 },
    { id: 'S3', share: 0.1 },
    { id: 'S12', share: 0.05 },
    { id: 'S13', share: 0.05 },
    { id: 'S23', share: 0.05 },
    { id: 'S123', share: 0.05 },
    { id: 'R', share: 0.5 },
  ],
  populations: ['1', '2', '3'].map((digit) => ({
    id: `P${digit}`,
    subgroups: ['S1', 'S2', 'S3', 'S12', 'S13', 'S23', 'S123'].filter((id) => id.includes(digit)),
  })),
};

type Population = { subgroups: { id: string; share: number }[]; populations: { id: string; subgroups: string[] }[] };

/** the population with an imperfect assay: each subgroup read right with `right`, else as its neighbours */
export function misread(
  population: Population,
  right: number,
): Population & { assay: Record<string, Record<string, number>> } {
  const ids = population.subgroups.map((subgroup) => subgroup.id);
  const assay = Object.fromEntries(
    ids.map((id, i) => {
      const next = ids[(i + 1) % ids.length];
      const previous = ids[(i + ids.length - 1) % ids.length];
      const row: Record<string, number> = { [id]: right };
      row[next] = (row[next] ?? 0) + (1 - right) / 2;
      row[previous] = (row[previous] ?? 0) + (1 - right) / 2;
      return [id, row];
    }),
  );
  return { ...population, assay };
}

/** one value per subgroup */
export function perSubgroup(
  population: Population,
  value: (id: string, index: number) => number,
): Record<string, number> {
  return Object.fromEntries(population.subgroups.map((subgroup, i) => [subgroup.id, value(subgroup.id, i)]));
}
