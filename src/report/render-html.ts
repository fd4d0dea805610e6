// The report as one self-contained HTML file: inline CSS and SVG, no script that runs and nothing
// fetched (the page's Content-Security-Policy allows no request of any kind), so it opens and
// prints anywhere. Every text is escaped; every number in a table carries its path in the
// report's numbers (`data-path`) and its raw value (`data-value`), and the numbers themselves
// ride along as JSON, so a reader or a test can check each cell against the run.
import type { Block, Cell, ReportDocument, Table } from './document.js';
import { REPORT_CSS } from './report-css.js';
import { escapeAttribute as attribute, escapeText as textOf } from './template-text.js';

/** no request of any kind: styles inline, images only as data (there are none), no script runs */
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** pre blocks longer than this many lines may break across pages */
const LONG = 60;
/** a table of at most this many rows is kept on one page, its caption and header with its rows */
const SHORT = 15;

export function renderHtml(report: ReportDocument): string {
  const sections = report.sections;
  const contents = sections.map((section) => `<li><a href="#${section.id}">${textOf(section.title)}</a></li>`);
  const body = sections.map(
    (section, i) =>
      `<section id="${section.id}" aria-labelledby="${section.id}-title">\n` +
      `<h2 id="${section.id}-title">${i + 1}. ` +
      `${textOf(section.title)}</h2>\n${section.blocks.map(block).join('\n')}\n</section>`,
  );
  const facts = report.facts.map((fact) => `<dt>${textOf(fact.label)}</dt><dd>${cell(fact.value)}</dd>`).join('');
  const link = /^https?:\/\//i.test(report.link)
    ? `<a href="${attribute(report.link)}">${textOf(report.link)}</a>`
    : `<code>${textOf(report.link)}</code> (add it to the app's address)`;
  // in a script element `<` could end it (`</script>`) or open a comment: JSON's \u003c is the same text
  const numbers = JSON.stringify(report.numbers).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Stratum">
<title>${textOf(report.title)} — Stratum report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${textOf(report.title)}</h1>
<dl class="facts">${facts}</dl>
<p class="link">Share link: ${link}</p>
</header>
<nav aria-label="Contents"><ol>${contents.join('')}</ol></nav>
<main>
${body.join('\n')}
</main>
<script type="application/json" id="report-numbers">${numbers}</script>
</body>
</html>
`;
}

function block(item: Block): string {
  switch (item.kind) {
    case 'paragraph':
      return `<p>${textOf(item.text)}</p>`;
    case 'heading':
      return `<h3 id="${attribute(item.id)}">${textOf(item.text)}</h3>`;
    case 'table':
      return table(item.table);
    case 'figure': {
      const caption = `<figcaption>${textOf(item.caption)}</figcaption>`;
      return `<figure id="${attribute(item.id)}-figure">${item.svg}${caption}</figure>`;
    }
    case 'code': {
      const long = item.text.split('\n').length > LONG ? ' class="long"' : '';
      return (
        `<pre id="${attribute(item.id)}"${long} aria-label="${attribute(item.caption)}" ` +
        `tabindex="0"><code>${textOf(item.text)}</code></pre>`
      );
    }
    case 'list':
      return `<ol class="references">${item.items.map((entry) => `<li>${textOf(entry)}</li>`).join('')}</ol>`;
  }
}

function table(t: Table): string {
  const head = t.columns.map((column) => `<th scope="col">${textOf(column)}</th>`).join('');
  const rows = t.rows.map((row) => {
    const cells = row.cells.map((c) => `<td>${cell(c)}</td>`).join('');
    return `<tr><th scope="row">${textOf(row.header)}</th>${cells}</tr>`;
  });
  const notes = t.notes && t.notes.length > 0 ? `\n<p class="notes">${t.notes.map(textOf).join(' ')}</p>` : '';
  const caption = `<caption>${textOf(t.caption)}</caption>`;
  const body = `<tbody>\n${rows.join('\n')}\n</tbody>`;
  const whole = t.rows.length <= SHORT ? ' class="whole"' : '';
  const header = `<thead><tr>${head}</tr></thead>`;
  return `<table id="${attribute(t.id)}"${whole}>\n${caption}\n${header}\n${body}\n</table>${notes}`;
}

function cell(parts: Cell): string {
  return parts
    .map((part) => {
      if (part.path !== undefined)
        return (
          `<span data-path="${attribute(part.path)}" ` +
          `data-value="${String(part.value)}">${textOf(part.text)}</span>`
        );
      if (part.fromScenario) return `<span data-from="scenario">${textOf(part.text)}</span>`;
      return textOf(part.text);
    })
    .join('');
}
