// The figure beside a step of "Watch one trial" that shows a decision: the analysis's statistics
// against their critical values (statistics-chart.ts), and the closed test lit node by node as the
// trial rejects them (closed-test-diagram.ts, the one "How to read this" explains; with several
// populations, closed-test-lattice.ts, row by row of intersections). Only what the trace holds is
// drawn: each row's `reached` is the runner's own comparison.
import { nothing, type SVGTemplateResult } from 'lit';
import type { Decision } from '../../engine/trace/recorder.js';
import type { TrialStep } from '../trial-steps.js';
import { closedTestDiagram } from './closed-test-diagram.js';
import { closedTestLattice } from './closed-test-lattice.js';
import { type StatisticRow, statisticsChart } from './statistics-chart.js';

export function decisionFigure(
  decisions: readonly Decision[],
  step: TrialStep,
  options: { id: string; width?: number },
): SVGTemplateResult | typeof nothing {
  if (step.decision === null) return nothing;
  const decision = decisions[step.decision];
  if (step.lit) return closedTestDiagram(step.lit, options);
  if (step.lattice) return closedTestLattice(step.lattice, options);
  const rows = statisticRows(decision);
  if (rows.length === 0) return nothing;
  const title =
    decision.kind === 'interim' || decision.kind === 'populations-interim'
      ? 'Stage 1 at the interim: early rejection'
      : decision.kind === 'final' || decision.kind === 'populations-final'
        ? 'The combined stages against the final critical value'
        : 'The analysis: each statistic and the value it must reach';
  return statisticsChart({ rows }, { ...options, title });
}

function statisticRows(decision: Decision): StatisticRow[] {
  switch (decision.kind) {
    case 'look':
      return [
        {
          label: `H_${decision.population}`,
          z: decision.z,
          critical: decision.critical,
          reached: decision.rejected,
        },
      ];
    case 'closed-test':
      return [
        { label: 'H_S on its own', z: decision.zS, critical: decision.critical, reached: decision.local.S },
        { label: 'H_F on its own', z: decision.zF, critical: decision.critical, reached: decision.local.F },
      ];
    case 'interim':
      return [
        {
          label: 'H_S∩H_F',
          z: decision.zI,
          critical: decision.interimCritical,
          reached: decision.early.intersection,
        },
        { label: 'H_S', z: decision.zS, critical: decision.interimCritical, reached: decision.early.S },
        { label: 'H_F', z: decision.zF, critical: decision.interimCritical, reached: decision.early.F },
      ];
    case 'final': {
      // Fisher's product is not on the z scale: the running text gives it
      if (!decision.stage2 || decision.combination === 'fisher') return [];
      const rows: StatisticRow[] = [];
      for (const [node, label] of [
        ['intersection', 'H_S∩H_F, combined'],
        ['S', 'H_S, combined'],
        ['F', 'H_F, combined'],
      ] as const) {
        const reached = decision.byCombination[node];
        if (reached === null) continue;
        rows.push({ label, z: decision.combined[node], critical: decision.finalCritical, reached });
      }
      return rows;
    }
    // several populations: each hypothesis's own test (its intersection alone), at the interim and at
    // the end with the largest intersection too, as the design compared them
    case 'populations-closed-test':
      return decision.intersections
        .filter((node) => node.ids.length === 1)
        .map((node) => ({
          label: `H_${node.name} on its own`,
          z: decision.hypotheses.find((h) => h.id === node.name)?.z ?? null,
          critical: decision.critical,
          reached: node.rejected,
        }));
    case 'populations-interim':
      return decision.intersections
        .filter((node, i) => i === 0 || node.ids.length === 1)
        .map((node) => ({
          label: node.ids.map((id) => `H_${id}`).join('∩'),
          // beyond double precision: p₁ = 1 (futile), or below double precision
          z: node.z ?? (node.futile ? -Infinity : null),
          critical: decision.interimCritical,
          reached: node.early,
        }));
    case 'populations-final':
      if (!decision.stage2 || decision.combination === 'fisher') return [];
      return decision.intersections
        .filter((node, i) => (i === 0 || node.ids.length === 1) && node.byCombination !== null)
        .map((node) => ({
          label: `${node.ids.map((id) => `H_${id}`).join('∩')}, combined`,
          z: node.combined ?? (node.byCombination ? null : -Infinity),
          critical: decision.finalCritical,
          reached: node.byCombination === true,
        }));
  }
}
