// The report as Markdown, the same content as the HTML: tables as GitHub-flavoured tables, each
// chart an SVG file beside the document, code in fences longer than any run of backticks it holds.
// Text, and above all text from the scenario, is escaped so that a Markdown reader shows it as
// text: HTML's <, > and & as entities, Markdown's punctuation with backslashes.
import type { Block, Cell, ReportDocument, Table } from './document.js';

export type MarkdownReport = { markdown: string; images: { file: string; svg: string }[] };

/** `imageFile(figureId)`: the name of the SVG file beside the document that holds that figure */
export function renderMarkdown(report: ReportDocument, imageFile: (id: string) => string): MarkdownReport {
  const images: MarkdownReport['images'] = [];
  const lines = [`# ${markdownText(report.title)}`, ''];
  for (const fact of report.facts) lines.push(`- ${markdownText(fact.label)}: ${cell(fact.value)}`);
  lines.push(
    `- Share link: ${/^https?:\/\//i.test(report.link) ? `<${report.link.replace(/>/g, '%3E')}>` : code(report.link)}`,
    '',
  );
  report.sections.forEach((section, i) => {
    lines.push(`## ${i + 1}. ${markdownText(section.title)}`, '');
    for (const item of section.blocks) lines.push(...block(item, images, imageFile), '');
  });
  return { markdown: `${lines.join('\n').trimEnd()}\n`, images };
}

function block(item: Block, images: MarkdownReport['images'], imageFile: (id: string) => string): string[] {
  switch (item.kind) {
    case 'paragraph':
      // at the start of a paragraph, `#`, `-`, `+` or `1.` would open a heading or a list
      return [
        markdownText(item.text)
          .replace(/^([#+-])/, '\\$1')
          .replace(/^(\d+)([.)])/, '$1\\$2'),
      ];
    case 'heading':
      return [`### ${markdownText(item.text)}`];
    case 'table':
      return table(item.table);
    case 'figure': {
      const file = imageFile(item.id);
      images.push({ file, svg: `<?xml version="1.0" encoding="UTF-8"?>\n${item.svg}\n` });
      return [`![${markdownText(item.caption)}](${encodeURI(file)})`, '', `*${markdownText(item.caption)}*`];
    }
    case 'code': {
      const longest = Math.max(2, ...(item.text.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(longest + 1);
      return [`${markdownText(item.caption)}:`, '', `${fence}${item.language}`, item.text, fence];
    }
    case 'list':
      return item.items.map((entry, i) => `${i + 1}. ${markdownText(entry)}`);
  }
}

function table(t: Table): string[] {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const lines = [
    `**${markdownText(t.caption)}**`,
    '',
    row(t.columns.map(markdownText)),
    row(t.columns.map(() => '---')),
  ];
  for (const r of t.rows) lines.push(row([markdownText(r.header), ...r.cells.map(cell)]));
  if (t.notes && t.notes.length > 0) lines.push('', ...t.notes.map(markdownText));
  return lines;
}

function cell(parts: Cell): string {
  return parts.map((part) => markdownText(part.text)).join('');
}

/** inline code for text that must stay as it is, with a fence longer than its backtick runs */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${text} ${fence}`;
}

/**
 * text as text: entities for HTML's markup characters (a quote's `>` among them), backslashes for
 * Markdown's inline marks (emphasis, code, links, table cells, strike-through); line breaks become spaces
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`);
}
