// The results contract: every number is finite, or null with the reason under `nulls` (its path →
// why). The engine computes finite numbers by construction (bounded inputs, capped event targets);
// this is the net under that, so an edge it missed shows as a named null instead of a silent
// Infinity or NaN that a table prints and a chart draws.

export type Nulls = Record<string, string>;

/** paths of the numbers in `value` that are not finite (NaN, ±Infinity) */
export function nonFinitePaths(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  const paths: string[] = [];
  for (const [key, child] of Object.entries(value))
    paths.push(...nonFinitePaths(child, path === '' ? key : `${path}.${key}`));
  return paths;
}

/** `value` with every non-finite number replaced by null and named, with `reason`, under `nulls` */
export function nullWhereNotFinite<T extends object>(value: T, reason: string): T & { nulls?: Nulls } {
  const paths = nonFinitePaths(value);
  if (paths.length === 0) return value;
  // JSON writes every non-finite number as null: the copy is the value with those nulls
  const copy = JSON.parse(JSON.stringify(value)) as T & { nulls?: Nulls };
  const nulls: Nulls = { ...copy.nulls };
  for (const path of paths) {
    let held: unknown = value;
    for (const key of path.split('.')) held = (held as Record<string, unknown>)[key];
    nulls[path] = `${reason} (it came out as ${String(held)})`;
  }
  copy.nulls = nulls;
  return copy;
}
