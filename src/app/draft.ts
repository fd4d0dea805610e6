// The scenario being edited: a plain JSON document, valid or not, read and written by field path
// (`population.prevalence`, `designs[1].n[0]`). The contract (parseScenario) judges it; its
// messages start with the same paths, so each finds its field.
export type Draft = Record<string, unknown>;

function segments(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function readAt(draft: unknown, path: string): unknown {
  let node: unknown = draft;
  for (const key of segments(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Object.hasOwn(node, key) ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return node;
}

/** a copy of `draft` with `path` set to `value` (undefined removes it); parents are created */
export function writeAt(draft: Draft, path: string, value: unknown): Draft {
  const copy = structuredClone(draft);
  const keys = segments(path);
  let node = copy as Record<string | number, unknown>;
  keys.slice(0, -1).forEach((key, i) => {
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = typeof keys[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** the contract's messages about this field (a list field's items share its messages) */
export function messagesFor(errors: readonly string[], path: string): string[] {
  const paths = [path, path.replace(/\[\d+\]$/, '')];
  return errors
    .filter((error) => paths.some((p) => error.startsWith(`${p}:`)))
    .map((error) => error.slice(error.indexOf(':') + 1).trim());
}

/** what an input's text means: a number when it reads as one, else the text (the contract names it) */
export function inputValue(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
}
