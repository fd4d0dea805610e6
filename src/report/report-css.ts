// The report's one stylesheet, inline: readable on screen, and printed to A4 or Letter alike (no
// page size is set, so the printer's paper is used; the content is narrower than A4's 210 mm
// less its margins, the narrower of the two), with page numbers, headings kept with what follows,
// table rows and figures kept whole, and long lines of code wrapped rather than cut.
export const REPORT_CSS = `
:root {
  color: #1b1f24; background: #ffffff;
  font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
}
body { margin: 0 auto; max-width: 178mm; padding: 10mm 8mm 14mm; }
header h1 { font-size: 19pt; line-height: 1.2; margin: 0 0 6pt; overflow-wrap: anywhere; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 0 0 6pt; font-size: 9.5pt; }
.facts dt { color: #3d4550; }
.facts dd { margin: 0; }
.link { font-size: 8.5pt; overflow-wrap: anywhere; }
nav ol { columns: 2; font-size: 9.5pt; padding-left: 16pt; }
h2 { font-size: 14pt; margin: 20pt 0 6pt; padding-bottom: 2pt; border-bottom: 1px solid #d0d5db; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 14pt 0 4pt; break-after: avoid; overflow-wrap: anywhere; }
p { margin: 0 0 6pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; font-size: 8.8pt; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 3pt; }
th, td { padding: 2.5pt 5pt; border-bottom: 1px solid #e3e6ea; text-align: left; vertical-align: top; }
thead th { border-bottom: 1.5px solid #5b6570; }
tbody th { font-weight: 500; overflow-wrap: anywhere; }
td { font-variant-numeric: tabular-nums; }
tr, figure, pre, table.whole { break-inside: avoid; }
.notes { font-size: 8.5pt; color: #3d4550; margin: -6pt 0 10pt; }
figure { margin: 8pt 0 14pt; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #3d4550; margin-top: 3pt; }
pre {
  white-space: pre-wrap; overflow-wrap: anywhere; margin: 4pt 0 10pt; padding: 6pt 8pt;
  background: #f6f8fa; border: 1px solid #e3e6ea;
  font: 7.6pt/1.35 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
pre.long { break-inside: auto; }
ol.references { padding-left: 16pt; font-size: 9.5pt; }
a { color: #0b5cad; }
@page {
  margin: 16mm 14mm 18mm;
  @bottom-right {
    content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; color: #5b6570;
  }
}
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  #appendix { break-before: page; }
}
`;
