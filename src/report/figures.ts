// The report's charts, drawn by the app's own chart functions and rendered to SVG text: power
// against size (at the charts' replicates, with 95% Monte Carlo bands), cost and duration at the
// target power, and each design's expected patient flow.
import { format } from 'd3';
import { CHART_REPLICATES, designLabels } from '../app/chart-data.js';
import { flowChart } from '../app/charts/flow-chart.js';
import { HYPOTHESIS_TEXT } from '../app/charts/hypothesis.js';
import { lineChart } from '../app/charts/line-chart.js';
import { targetChart } from '../app/charts/target-chart.js';
import { patientFlow } from '../engine/patient-flow.js';
import type { Block, Section } from './document.js';
import type { ReportNumbers } from './numbers.js';
import { templateText } from './template-text.js';

export type Figure = Extract<Block, { kind: 'figure' }>;

export function figures(numbers: ReportNumbers): Figure[] {
  const { scenario, bySize, solutions, target, results } = numbers;
  const labels = designLabels(scenario);
  const percent = format('.0%')(target.power);
  const what = HYPOTHESIS_TEXT[target.hypothesis];
  const list: Figure[] = [
    {
      kind: 'figure',
      id: 'figure-power-size',
      caption:
        `Power for ${what} against size, one line per design, with 95% Monte Carlo bands (${bySize.unit}); ` +
        'the dashed line is the target.',
      svg: templateText(
        lineChart(bySize, {
          id: 'figure-power-size',
          title: 'Power against sample size',
          description:
            `Probability of rejecting ${what} against the number of ${bySize.unit}, one ` +
            `line per design, with 95% Monte Carlo bands and the target power ${percent} as a dashed line.`,
          xLabel: bySize.unit,
          xFormat: format(',d'),
          target: target.power,
          hypotheses: [target.hypothesis],
        }),
      ),
    },
    {
      kind: 'figure',
      id: 'figure-at-target',
      caption: `Expected cost and duration of each design at its size for ${percent} power for ${what}.`,
      svg: templateText(
        targetChart(solutions, labels, {
          id: 'figure-at-target',
          title: 'Cost and duration at the target power',
          description:
            'Expected cost and months of each design at the smallest size reaching ' + `${percent} power for ${what}.`,
          target: target.power,
          hypothesis: target.hypothesis,
        }),
      ),
    },
  ];
  results.forEach((result, d) => {
    const id = `figure-flow-${d + 1}`;
    list.push({
      kind: 'figure',
      id,
      caption: `Expected patient flow of ${labels[result.id]}.`,
      svg: templateText(
        flowChart(patientFlow(scenario, result), {
          id,
          title: `Expected patient flow: ${labels[result.id]}`,
          description: 'Expected numbers screened, assay-positive and -negative, randomised per arm and analysed.',
        }),
      ),
    });
  });
  return list;
}

export function figuresSection(numbers: ReportNumbers): Section {
  return {
    id: 'charts',
    title: 'Charts',
    blocks: [
      {
        kind: 'paragraph',
        text:
          `The curves use ${format(',')(Math.min(numbers.scenario.simulation.replicates, CHART_REPLICATES))} ` +
          `simulated trials per point, as the page draws them.`,
      },
      ...figures(numbers),
    ],
  };
}
