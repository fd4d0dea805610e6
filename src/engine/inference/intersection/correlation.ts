// ρ = √(I_S / I_F): the correlation of a stage's S and F statistics from their null variances
// (outcome-model.ts explains why this is their correlation), as Spiessens–Debois needs it.
export function statisticCorrelation(informationS: number, informationF: number): number {
  return informationF > 0 ? Math.min(1, Math.sqrt(informationS / informationF)) : 0;
}
