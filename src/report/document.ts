// A report as a document of sections and blocks, which the HTML and Markdown writers render. Every
// number in a table is a part carrying its path in the report's numbers (numbers.ts) and its raw
// value, so that the HTML can say exactly which result each cell shows; text from the scenario
// (a title, a label, a seed) is a part marked as text, and every writer escapes it.
export type Part = { text: string; path?: string; value?: number; fromScenario?: boolean };
export type Cell = Part[];
export type Row = { header: string; cells: Cell[] };
/** `columns`: the row headers' column first, then one per cell of a row */
export type Table = { id: string; caption: string; columns: string[]; rows: Row[]; notes?: string[] };

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; id: string; text: string }
  | { kind: 'table'; table: Table }
  | { kind: 'figure'; id: string; caption: string; svg: string }
  | { kind: 'code'; id: string; caption: string; language: 'json' | 'r'; text: string }
  | { kind: 'list'; items: string[] };

export type Section = { id: string; title: string; blocks: Block[] };

export type ReportMeta = {
  /** the day it was made, as YYYY-MM-DD */
  date: string;
  version: string;
  /** the share link: the page's address, or the query string the command line prints */
  link: string;
};

export type ReportDocument = {
  title: string;
  /** lines under the title: what, and its value */
  facts: { label: string; value: Cell }[];
  link: string;
  sections: Section[];
  /** the numbers every table cell's path points into, as JSON */
  numbers: unknown;
};
