// Every chart the snapshots and the phone-width checks draw: each chart function and its main
// variants, as a name and a function of the width the page has for the chart.
import type { SVGTemplateResult } from 'lit';
import { format } from 'd3';
import { flowChart } from '../../src/app/charts/flow-chart.js';
import { lineChart } from '../../src/app/charts/line-chart.js';
import { mapChart } from '../../src/app/charts/map-chart.js';
import { survivalChart } from '../../src/app/charts/survival-chart.js';
import { targetChart } from '../../src/app/charts/target-chart.js';
import {
  BY_PREVALENCE,
  BY_SIZE,
  CLASSIFIED_FLOWS,
  FLOWS,
  IDS,
  LABELS,
  MAP,
  PARAMETER_MAP,
  SOLUTIONS,
  SURVIVAL,
} from './fixtures.js';

export type ChartCase = { name: string; render: (width: number) => SVGTemplateResult };

const bySize = { xLabel: 'randomised patients', xFormat: format(',d'), target: 0.8 };
const byPrevalence = { xLabel: 'prevalence of marker+', xFormat: format('.0%') };
const frame = (id: string, title: string) => ({ id, title, description: `${title}.` });

export const CASES: ChartCase[] = [
  {
    name: 'line-size-any',
    render: (width) => lineChart(BY_SIZE, { ...frame('size', 'Power against sample size'), ...bySize, width }),
  },
  {
    name: 'line-size-f',
    render: (width) =>
      lineChart(BY_SIZE, { ...frame('size', 'Power against sample size'), ...bySize, hypotheses: ['F'], width }),
  },
  {
    name: 'line-size-both',
    render: (width) =>
      lineChart(BY_SIZE, { ...frame('size', 'Power against sample size'), ...bySize, hypotheses: ['both'], width }),
  },
  {
    name: 'line-size-every',
    render: (width) =>
      lineChart(BY_SIZE, { ...frame('size', 'Power against sample size'), ...bySize, hypotheses: ['S', 'F'], width }),
  },
  {
    name: 'line-prevalence-any',
    render: (width) =>
      lineChart(BY_PREVALENCE, { ...frame('prevalence', 'Power against prevalence'), ...byPrevalence, width }),
  },
  {
    name: 'line-prevalence-every',
    render: (width) =>
      lineChart(BY_PREVALENCE, {
        ...frame('prevalence', 'Power against prevalence'),
        ...byPrevalence,
        hypotheses: ['S', 'F', 'both', 'any'],
        width,
      }),
  },
  {
    name: 'target-f',
    render: (width) =>
      targetChart(SOLUTIONS, LABELS, {
        ...frame('at-target', 'Cost and duration at the target power'),
        target: 0.8,
        hypothesis: 'F',
        width,
      }),
  },
  {
    name: 'target-any',
    render: (width) =>
      targetChart(SOLUTIONS, LABELS, {
        ...frame('at-target', 'Cost and duration at the target power'),
        target: 0.8,
        width,
      }),
  },
  {
    name: 'map-randomized-pickable',
    render: (width) =>
      mapChart(MAP, IDS, LABELS, {
        ...frame('map', 'Design needing the fewest randomised patients'),
        by: 'randomized',
        onPick: () => undefined,
        width,
      }),
  },
  {
    name: 'map-cost',
    render: (width) =>
      mapChart(MAP, IDS, LABELS, { ...frame('map', 'Least costly design at the target power'), by: 'cost', width }),
  },
  {
    name: 'map-parameters-pickable',
    render: (width) =>
      mapChart(PARAMETER_MAP, IDS, LABELS, {
        ...frame('map', 'Design needing the fewest randomised patients'),
        by: 'randomized',
        onPick: () => undefined,
        axes: [
          { label: 'share of high', format: format('.0%') },
          { label: 'mean difference in neg', format: format('.2~f') },
        ],
        width,
      }),
  },
  {
    name: 'survival-delayed-effect',
    render: (width) => survivalChart(SURVIVAL, { ...frame('survival', 'Expected survival'), width }),
  },
  ...Object.entries(FLOWS).map(([type, flow]) => ({
    name: `flow-${type}`,
    render: (width: number) => flowChart(flow, { ...frame('flow', `Expected patient flow: ${type}`), width }),
  })),
  ...Object.entries(CLASSIFIED_FLOWS).map(([name, flow]) => ({
    name: `flow-subgroups-${name}`,
    render: (width: number) => flowChart(flow, { ...frame('flow', `Expected patient flow: ${name}`), width }),
  })),
];

/** the two layouts every chart is snapshot in: the desktop column and a phone's */
export const WIDTHS = [560, 360];
