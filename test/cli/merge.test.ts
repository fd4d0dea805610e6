// `stratum merge` on edited shard files: every tally is checked against what its scenario plans,
// and each problem exits 2 naming the file, the design's id and the block, never a TypeError.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTINUE, REJECT, TALLY, TALLY_SIZE } from '../../src/engine/tally.js';
import { ONE_MARKER } from '../../src/engine/population.js';

const { S, F } = ONE_MARKER;
import { runCli, type CliRun } from '../support/cli.js';

type Entry = { design: number; block: number; tally: unknown[] };
type ShardFile = { shard: string; tallies: (Entry | null)[] };

const folder = mkdtempSync(join(tmpdir(), 'stratum-merge-'));
const write = (name: string, content: unknown) => {
  const file = join(folder, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
// 4,500 replicates: blocks 0–3 of 1,000 and block 4 of 500; shard 1/2 holds blocks 0, 2 and 4
const scenario = write('scenario.json', {
  population: { prevalence: 0.3 },
  endpoint: { type: 'continuous', sd: { pos: 1, neg: 1 }, effect: { pos: 0.5, neg: 0.1 } },
  designs: [
    { id: 'enriched', type: 'enriched', n: 150 },
    { id: 'adaptive', type: 'adaptive-enrichment', n: [150, 300], intersection: 'simes' },
  ],
  simulation: { replicates: 4500, seed: 'merge' },
});
const shardText = (index: number) => {
  const run = runCli(['simulate', scenario, '--shard', `${index}/2`, '--workers', '1']);
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
};
const shards = [shardText(1), shardText(2)];

/** shard `index` (1 or 2) as `name`, edited by `edit`, merged with the other one untouched */
type Edit = (shard: ShardFile, entry: (design: number, block: number) => Entry) => void;
function mergeEdited(index: 1 | 2, name: string, edit: Edit) {
  const shard = JSON.parse(shards[index - 1]) as ShardFile;
  edit(shard, (design, block) => shard.tallies.find((e) => e?.design === design && e.block === block)!);
  const other = write(`other-${index}.json`, shards[2 - index]);
  return runCli(['merge', write(name, shard), other]);
}

/** exit 2, nothing on stdout, and each of `lines` among the problems (file names without their folder) */
function expectRefused(run: CliRun, lines: (string | RegExp)[]) {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const problems = run.stderr.replaceAll(join(folder, '/'), '').trim().split('\n');
  for (const line of lines) {
    expect(problems).toContainEqual(typeof line === 'string' ? line : expect.stringMatching(line));
  }
  expect(run.stderr).not.toMatch(/TypeError|\n\s+at /);
}

describe('stratum merge checks every tally', () => {
  it('merges the untouched shards, also from a file that starts with a byte-order mark', () => {
    const run = runCli(['merge', write('part-1.json', shards[0]), write('part-2.json', shards[1])]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).results[0].replicates).toBe(4500);
    const marked = runCli(['merge', write('part-1.json', shards[0]), write('marked.json', '\uFEFF' + shards[1])]);
    expect(marked.status, marked.stderr).toBe(0);
    expect(marked.stdout).toBe(run.stdout);
  });

  it('refuses a count above the block’s replicates', () => {
    const run = mergeEdited(2, 'part-2.json', (_, entry) => (entry(0, 3).tally[REJECT + S] = 1180));
    expectRefused(run, [
      'part-2.json: design "enriched" block 3: rejectS is 1180, must be a whole number from 0 to 1000',
    ]);
  });

  it('refuses replicates other than the scenario plans, for a full block and for the last, short one', () => {
    const full = mergeEdited(2, 'part-2.json', (_, entry) => (entry(1, 1).tally[TALLY.replicates] = 900));
    expectRefused(full, [
      `part-2.json: design "adaptive" block 1: replicates is 900, must be 1000 (the scenario's block 1)`,
    ]);
    const last = mergeEdited(1, 'part-1.json', (_, entry) => (entry(0, 4).tally[TALLY.replicates] = 1000));
    expectRefused(last, [
      `part-1.json: design "enriched" block 4: replicates is 1000, must be 500 (the scenario's block 4)`,
    ]);
  });

  it('refuses a null entry, malformed ones and a tally of the wrong length with exit 2, not a TypeError', () => {
    const run = mergeEdited(2, 'part-2.json', (shard, entry) => {
      shard.tallies.push(null, { design: 5, block: -1, tally: [] });
      entry(0, 1).tally.pop();
    });
    expectRefused(run, [
      'part-2.json: tallies[4]: must be an object { design, block, tally }, got null',
      'part-2.json: tallies[5].design: must be an integer from 0 to 1, got 5',
      'part-2.json: tallies[5].block: must be an integer from 0 to 4, got -1',
      new RegExp(
        `^part-2\\.json: design "enriched" block 1: tally: must be an array of ${TALLY_SIZE} numbers \\(shards`,
      ),
    ]);
  });

  it('refuses a count that is not a whole number, and a sum that is negative or not a number', () => {
    const run = mergeEdited(2, 'part-2.json', (_, entry) => {
      entry(0, 1).tally[TALLY.rejectAny] = 862.5;
      entry(0, 3).tally[TALLY.months] = -1;
      entry(1, 3).tally[TALLY.randomized] = null;
    });
    expectRefused(run, [
      'part-2.json: design "enriched" block 1: rejectAny is 862.5, must be a whole number from 0 to 1000',
      'part-2.json: design "enriched" block 3: months is -1, must be a finite number ≥ 0',
      'part-2.json: design "adaptive" block 3: randomized is null, must be a finite number ≥ 0',
    ]);
  });

  it('refuses counts that disagree with each other', () => {
    const run = mergeEdited(2, 'part-2.json', (_, entry) => {
      const enriched = entry(0, 1).tally as number[];
      enriched[TALLY.rejectAny] = enriched[REJECT + S] - 1;
      entry(0, 3).tally[REJECT + F] = 3;
      entry(0, 3).tally[TALLY.rejectBoth] = 1;
      const adaptive = entry(1, 1).tally as number[];
      adaptive[TALLY.rejectAny] = adaptive[REJECT + S] + adaptive[REJECT + F] + 1;
      adaptive[TALLY.earlyFutility] = 200;
      adaptive[CONTINUE + S] = 900;
      const later = entry(1, 3).tally as number[];
      later[TALLY.rejectBoth] = Math.min(later[REJECT + S], later[REJECT + F]) + 1;
    });
    expectRefused(run, [
      /^part-2\.json: design "enriched" block 1: rejectS is \d+, must be at most rejectAny \(\d+\)$/,
      'part-2.json: design "enriched" block 3: rejectF is 3, must be 0 (enriched designs do not test F)',
      'part-2.json: design "enriched" block 3: rejectBoth is 1, must be 0 (enriched designs test one hypothesis)',
      /^part-2\.json: design "adaptive" block 3: rejectBoth is \d+, must be at most the smaller of rejectS and rejectF/,
      /^part-2\.json: design "adaptive" block 1: rejectAny is \d+, must be rejectS \+ rejectF − rejectBoth \(\d+\)$/,
      'part-2.json: design "adaptive" block 1: continueS is 900, must be at most the trials that did not stop early' +
        ' (800)',
    ]);
  });

  it('refuses a block in a shard it does not belong to, and names the one left missing', () => {
    const [one, two] = shards.map((text) => JSON.parse(text) as ShardFile);
    const moved = one.tallies.findIndex((e) => e?.design === 0 && e.block === 2);
    two.tallies.push(...one.tallies.splice(moved, 1));
    const run = runCli(['merge', write('one.json', one), write('two.json', two)]);
    expectRefused(run, [
      'two.json: design "enriched" block 2: belongs to shard 1/2 (block b is in shard b mod k + 1), not 2/2',
      'one.json: design "enriched" block 2: missing (the file cut short?)',
    ]);
  });

  it('refuses a block given twice in one file', () => {
    const run = mergeEdited(2, 'part-2.json', (shard, entry) => shard.tallies.push(structuredClone(entry(1, 3))));
    expectRefused(run, ['part-2.json: design "adaptive" block 3: given twice']);
  });
});
