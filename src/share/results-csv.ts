// Results as the command prints them: the JSON document of docs/scenario.md, or CSV, one row per design.

/**
 * flat column names of a result, e.g. reject.S, expected.cost; a list of objects (a design's looks)
 * by index as in JSON, boundaries.looks.0.critical; a list of plain values in one cell, a,b
 */
function flatten(value: unknown, prefix: string, into: Map<string, unknown>): void {
  const join = (key: string) => (prefix ? `${prefix}.${key}` : key);
  if (Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object')) {
    for (const [index, item] of value.entries()) flatten(item, join(String(index)), into);
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, join(key), into);
  } else {
    into.set(prefix, value);
  }
}

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export type CsvOptions = {
  /** the scenario's trial.currency: when given, a last column `currency` names the code of every cost */
  currency?: string;
};

/** one row per object (a design's results, a sweep point's, a solution), nested fields as a.b columns */
export function resultsCsv(results: readonly object[], options: CsvOptions = {}): string {
  const rows = results.map((result) => {
    const row = new Map<string, unknown>();
    flatten(result, '', row);
    return row;
  });
  const columns: string[] = [];
  for (const row of rows) for (const key of row.keys()) if (!columns.includes(key)) columns.push(key);
  if (options.currency !== undefined) {
    columns.push('currency');
    for (const row of rows) row.set('currency', options.currency);
  }
  const lines = [columns.join(','), ...rows.map((row) => columns.map((column) => csvCell(row.get(column))).join(','))];
  return lines.join('\n') + '\n';
}
