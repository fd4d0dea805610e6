// A report from its data: the title and the facts of the run, then assumptions, designs in words,
// operating characteristics, the size at the target power, charts, references, and an appendix
// with the scenario and the R code that reproduces it with rpact. One function for the command
// line and the page; the writers (render-html.ts, render-markdown.ts) only lay it out.
import { format } from 'd3';
import { size } from '../app/format.js';
import { assumptionsSection } from './assumptions.js';
import { fromScenario, number, text } from './cells.js';
import { characteristicsSection } from './characteristics.js';
import { designsSection } from './designs-section.js';
import type { ReportDocument, ReportMeta, Section } from './document.js';
import { figuresSection } from './figures.js';
import { reportNumbers } from './numbers.js';
import { rCode } from './r/rcode.js';
import { type Citation, REFERENCES } from './references.js';
import type { ReportData } from './report-data.js';
import { sampleSizeSection } from './sample-size.js';

export function buildReport(data: ReportData, meta: ReportMeta): ReportDocument {
  const numbers = reportNumbers(data);
  const { scenario, target } = data;
  const designs = designsSection(numbers);
  const code = rCode({ scenario, results: data.results, target, solutions: data.solutions, version: meta.version });
  const sections: Section[] = [
    assumptionsSection(numbers),
    designs.section,
    characteristicsSection(numbers),
    sampleSizeSection(numbers),
    figuresSection(numbers),
    referencesSection(designs.cites),
    {
      id: 'appendix',
      title: 'Appendix',
      blocks: [
        { kind: 'heading', id: 'appendix-scenario', text: 'A. The scenario' },
        {
          kind: 'paragraph',
          text: 'The scenario as the run read it, every default filled in; the share link holds the same.',
        },
        {
          kind: 'code',
          id: 'scenario-json',
          caption: 'Scenario JSON',
          language: 'json',
          text: JSON.stringify(scenario, null, 2),
        },
        { kind: 'heading', id: 'appendix-r', text: 'B. R code: the designs in rpact' },
        {
          kind: 'paragraph',
          text:
            "The script rebuilds each design with rpact and prints rpact's numbers beside Stratum's; where " +
            'rpact cannot express a design exactly it says why, at the design, and gives the closest call.',
        },
        { kind: 'code', id: 'r-code', caption: 'R code (rpact)', language: 'r', text: code },
      ],
    },
  ];
  return {
    title: scenario.title || 'Untitled scenario',
    facts: [
      { label: 'Date', value: text(meta.date) },
      { label: 'Stratum version', value: text(meta.version) },
      { label: 'Seed', value: fromScenario(scenario.simulation.seed) },
      { label: 'Simulated trials per design', value: number(numbers, 'scenario.simulation.replicates', size) },
      { label: 'Target power', value: number(numbers, 'target.power', format('~g')) },
    ],
    link: meta.link,
    sections,
    numbers,
  };
}

function referencesSection(cited: Citation[]): Section {
  const keys = (Object.keys(REFERENCES) as Citation[]).filter((key) => cited.includes(key));
  return {
    id: 'references',
    title: 'References',
    blocks: [{ kind: 'list', items: keys.map((key) => REFERENCES[key]) }],
  };
}
