// The report built from a run: every number a table shows is the value at its path in the
// report's numbers, written to the precision shown; text from the scenario is text in HTML and in
// Markdown; the file asks for nothing outside itself; every section and chart is there.
import { beforeAll, describe, expect, it } from 'vitest';
import { globalNull } from '../../src/engine/planning/global-null.js';
import { simulate } from '../../src/engine/simulate.js';
import { buildReport } from '../../src/report/build-report.js';
import type { ReportDocument } from '../../src/report/document.js';
import { type ReportNumbers, valueAt } from '../../src/report/numbers.js';
import { computeReport } from '../../src/report/report-data.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { displayedMatches } from '../support/displayed-number.js';
import { HOSTILE_TITLE, REPORT_SECTIONS, reportScenario } from '../support/report-scenario.js';

const META = { date: '2026-12-01', version: 'test', link: 'https://example.org/stratum/?version=1&title=x' };
let report: ReportDocument;
let html: string;

beforeAll(async () => {
  const data = await computeReport(reportScenario(), { power: 0.8, hypothesis: 'any' }, (scenario) =>
    simulate(scenario),
  );
  report = buildReport(data, META);
  html = renderHtml(report);
});

describe('the report', () => {
  it('holds the results and the global null of the same run', () => {
    const numbers = report.numbers as ReportNumbers;
    expect(numbers.results).toEqual(simulate(reportScenario()));
    expect(numbers.globalNull).toEqual(simulate(globalNull(reportScenario())));
  });

  it('shows every table number as the value at its path, to the precision shown', () => {
    const numbers = JSON.parse(/<script type="application\/json" id="report-numbers">([^<]*)<\/script>/.exec(html)![1]);
    expect(numbers).toEqual(JSON.parse(JSON.stringify(report.numbers)));
    const cells = [...html.matchAll(/<span data-path="([^"]+)" data-value="([^"]+)">([^<]*)<\/span>/g)];
    expect(cells.length).toBeGreaterThan(100);
    for (const [, path, value, shown] of cells) {
      expect(valueAt(numbers, path), path).toBe(Number(value));
      expect(displayedMatches(shown, Number(value)), `${path}: ${shown} for ${value}`).toBe(true);
    }
    // each table cell's digits are inside such a span, or text from the scenario
    for (const [, cell] of html.matchAll(/<td>(.*?)<\/td>/g)) {
      const bare = cell.replace(/<span data-(?:path|from)="[^"]*"(?: data-value="[^"]*")?>[^<]*<\/span>/g, '');
      expect(bare, cell).not.toMatch(/\d/);
    }
  });

  it('has every section, design, table and chart', () => {
    for (const id of REPORT_SECTIONS) {
      expect(html).toContain(`<section id="${id}"`);
    }
    for (const id of [
      'power-table',
      'type-one-error-table',
      'closed-form-table',
      'interim-table',
      'expected-table',
      'sample-size-table',
      'boundaries-3',
      'boundaries-4',
    ]) {
      expect(html).toContain(`<table id="${id}"`);
    }
    for (const id of ['figure-power-size', 'figure-at-target', 'figure-flow-1', 'figure-flow-4'])
      expect(html).toContain(`<figure id="${id}-figure"><svg`);
    for (const cited of [
      'Spiessens B, Debois M (2010)',
      'Lan KKG, DeMets DL (1983)',
      'Lehmacher W, Wassmer G (1999)',
      'Simon R, Maitournam A (2004)',
    ]) {
      expect(html).toContain(cited);
    }
    expect(html).toContain('suppressMessages(library(rpact))');
    expect(html).toContain('getSimulationEnrichmentMeans');
  });

  it('writes text from the scenario as text, never as markup', () => {
    expect(html).toContain(
      '<h1>&lt;script&gt;window.__pwned = 1&lt;/script&gt; &amp; &lt;img src=x onerror="window.__pwned = 2"&gt;</h1>',
    );
    expect(html.match(/<script/g)).toEqual(['<script']); // only the numbers, which are JSON and not run
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain('Enriched &lt;b&gt;bold&lt;/b&gt;');
    const { markdown } = renderMarkdown(report, (id) => `r-${id}.svg`);
    // fenced code (the scenario JSON, the R code) is shown as it is, never read as markup
    const prose = markdown.replace(/^(`{3,})[a-z]*\n[\s\S]*?^\1$/gm, '');
    expect(prose).not.toMatch(/<script|<img|<b>/);
    expect(
      markdown.startsWith(
        '# &lt;script&gt;window.\\_\\_pwned = 1&lt;/script&gt; &amp; &lt;img src=x onerror="window.\\_\\_pwned = ' +
          '2"&gt;\n',
      ),
    ).toBe(true);
    expect(markdown).toContain('| Stratified \\| S-D |');
    expect(markdown).toContain('Adaptive \\*star\\*');
    expect(HOSTILE_TITLE).toContain('<script>');
  });

  it('asks for nothing outside itself: no source, no stylesheet link, fragment-only references', () => {
    // every real tag (text from the scenario is escaped, so its "<img src=x" is no tag)
    const tags = [...html.matchAll(/<([a-z][\w-]*)([^>]*)>/gi)];
    expect(tags.length).toBeGreaterThan(500);
    for (const [tag, name, attributes] of tags) {
      expect(['link', 'img', 'iframe', 'object', 'embed', 'image', 'use', 'base', 'audio', 'video']).not.toContain(
        name.toLowerCase(),
      );
      expect(attributes, tag).not.toMatch(/\s(?:src|srcset|poster|data|xlink:href)=/i);
    }
    expect(html).not.toMatch(/@import/i);
    for (const [, target] of html.matchAll(/url\(([^)]*)\)/g)) expect(target.startsWith('#')).toBe(true);
    for (const [, target] of html.matchAll(/href="([^"]*)"/g))
      expect(target.startsWith('#') || target === META.link.replace(/&/g, '&amp;')).toBe(true);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\';');
  });

  it('Markdown: the same sections, each chart an SVG file beside it', () => {
    const { markdown, images } = renderMarkdown(report, (id) => `report-${id}.svg`);
    expect(images.map((image) => image.file)).toEqual([
      'report-figure-power-size.svg',
      'report-figure-at-target.svg',
      ...[1, 2, 3, 4].map((d) => `report-figure-flow-${d}.svg`),
    ]);
    for (const image of images) {
      expect(
        image.svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
      ).toBe(true);
      expect(markdown).toContain(`](${image.file})`);
    }
    for (const title of [
      'Assumptions',
      'Designs',
      'Operating characteristics',
      'Size at the target power',
      'Charts',
      'References',
      'Appendix',
    ]) {
      expect(markdown).toMatch(new RegExp(`^## \\d\\. ${title}$`, 'm'));
    }
    expect(markdown).toMatch(/^```r\nsuppressMessages|^```r\n# /m);
    expect(markdown).toContain('```json\n{\n  "version": 1,');
  });
});
