// The report's charts, drawn by the app's own chart functions and rendered to SVG text: power
// against size (at the charts' replicates, with 95% Monte Carlo bands), cost and duration at the
// target power, and each design's expected patient flow.
import { patientFlow } from '../engine/patient-flow.js';
import { format } from 'd3';
import { CHART_REPLICATES, designLabels } from '../app/chart-data.js';
import { flowChart } from '../app/charts/flow-chart.js';
import { HYPOTHESIS_TEXT } from '../app/charts/hypothesis.js';
import { lineChart } from '../app/charts/line-chart.js';
import { targetChart } from '../app/charts/target-chart.js';
import { HYPOTHESES, type Hypothesis } from '../engine/planning/solve.js';
import { isMarkerPopulation } from '../engine/scenario/types.js';
import type { Block, Section } from './document.js';
import type { ReportNumbers } from './numbers.js';
import { templateText } from './template-text.js';

export type Figure = Extract<Block, { kind: 'figure' }>;

/** the target's hypothesis where the page's charts draw it (H_S, H_F, both, any), else undefined */
function chartedHypothesis(numbers: ReportNumbers): Hypothesis | undefined {
  const { hypothesis } = numbers.target;
  return (HYPOTHESES as readonly string[]).includes(hypothesis) ? (hypothesis as Hypothesis) : undefined;
}

export function figures(numbers: ReportNumbers): Figure[] {
  const { scenario, results } = numbers;
  const labels = designLabels(scenario);
  const hypothesis = chartedHypothesis(numbers);
  const list: Figure[] = hypothesis === undefined ? [] : targetFigures(numbers, hypothesis);
  const classified = isMarkerPopulation(scenario.population)
    ? 'assay-positive and -negative'
    : 'in each subgroup as the assay classifies them';
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
          description: `Expected numbers screened, ${classified}, randomised per arm and analysed.`,
        }),
      ),
    });
  });
  return list;
}

/** power against size, and cost and duration at the target power */
function targetFigures(numbers: ReportNumbers, hypothesis: Hypothesis): Figure[] {
  const { scenario, bySize, solutions, target } = numbers;
  const labels = designLabels(scenario);
  const percent = format('.0%')(target.power);
  const what = HYPOTHESIS_TEXT[hypothesis];
  return [
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
          hypotheses: [hypothesis],
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
          hypothesis,
        }),
      ),
    },
  ];
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
          `simulated trials per point, as the page draws them.` +
          (chartedHypothesis(numbers) === undefined
            ? ` Power against size and the cost at the target are not drawn for H_${numbers.target.hypothesis}: ` +
              "the page's charts draw H_S, H_F, both and any only."
            : ''),
      },
      ...figures(numbers),
    ],
  };
}
