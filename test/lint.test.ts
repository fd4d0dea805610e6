// The linter and formatter are part of `npm test`: Biome checks every source and test file
// (biome.json: its recommended rules, 120-character lines), and no line of source is longer.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAX_LINE = 120;
const SOURCES = ['src', 'workers', 'test', 'bench', 'scripts'];

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return path.includes('fixtures') ? [] : files(path);
    return /\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

describe('lint and format', () => {
  it('Biome finds no error and no unformatted file', () => {
    const run = spawnSync('npx', ['biome', 'ci', '--diagnostic-level=error', '.'], { encoding: 'utf8' });
    expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-4000)).toBe(0);
  });

  it(`no line of source or test is longer than ${MAX_LINE} characters`, () => {
    const long = SOURCES.flatMap(files).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => ([...line].length > MAX_LINE ? [`${file}:${index + 1} (${[...line].length})`] : [])),
    );
    expect(long).toEqual([]);
  });
});
