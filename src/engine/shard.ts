// Shards: a run split into k disjoint sets of replicate blocks (block b goes to shard b mod k + 1),
// each run anywhere, and merged into exactly the unsharded result. A shard file carries every
// block's tally, not a partial sum, so the merge folds them in block order as the unsharded run
// does and the floating-point sums, and so the results, are the same to the last bit. A shard
// file is text anyone can edit, so every tally is checked before any is folded: each block present
// once, in the shard it belongs to, and holding what such a block can (tally-check.ts).
import { blockCount } from './blocks.js';
import { ResultCollector } from './collector.js';
import type { DesignResult } from './results.js';
import { describe, isRecord } from './scenario/checks.js';
import { parseScenario } from './scenario/parse.js';
import type { Scenario } from './scenario/types.js';
import { tallyProblems } from './tally-check.js';

export type Shard = { index: number; count: number };
export type ShardFile = {
  shard: string;
  scenario: Scenario;
  tallies: { design: number; block: number; tally: number[] }[];
  elapsedMs: number;
};

/** the shard (1 to `count`) that block `block` goes to */
export function shardOf(block: number, count: number): number {
  return (block % count) + 1;
}

export function inShard(shard: Shard): (block: number) => boolean {
  return (block) => shardOf(block, shard.count) === shard.index;
}

/** `i/k` with 1 ≤ i ≤ k ≤ 10⁴ */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count && count <= 10_000 ? { index, count } : undefined;
}

export type Merged =
  | { ok: true; scenario: Scenario; results: DesignResult[]; elapsedMs: number }
  | { ok: false; errors: string[] };

/** merge the shard files of one run (`names` label them in messages) */
export function mergeShards(files: unknown[], names: string[]): Merged {
  const errors: string[] = [];
  let reference: string | undefined;
  let scenario: Scenario | undefined;
  let count: number | undefined;
  const seen = new Map<number, string>();
  const valid: { name: string; shard: Shard; file: ShardFile }[] = [];
  files.forEach((file, i) => {
    const name = names[i];
    const candidate = file as Partial<ShardFile> | null;
    const shard = typeof candidate?.shard === 'string' ? parseShard(candidate.shard) : undefined;
    if (!candidate || !shard || !Array.isArray(candidate.tallies)) {
      errors.push(`${name}: not a shard file (expected the output of stratum simulate --shard i/k)`);
      return;
    }
    const parsed = parseScenario(candidate.scenario);
    if (!parsed.ok) {
      errors.push(...parsed.errors.map((error) => `${name}: scenario.${error}`));
      return;
    }
    const text = JSON.stringify(parsed.scenario);
    if (reference === undefined) {
      reference = text;
      scenario = parsed.scenario;
      count = shard.count;
    } else if (text !== reference)
      errors.push(`${name}: its scenario differs from ${names[0]}'s (shards must come from one run)`);
    else if (shard.count !== count)
      errors.push(
        `${name}: shard ${candidate.shard} is of a ${shard.count}-way split, ${names[0]} of a ${count}-way one`,
      );
    if (seen.has(shard.index))
      errors.push(`${name}: shard ${shard.index}/${shard.count} is also in ${seen.get(shard.index)}`);
    seen.set(shard.index, name);
    valid.push({ name, shard, file: candidate as ShardFile });
  });
  if (errors.length > 0 || !scenario || count === undefined) return { ok: false, errors };
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.has(index));
  if (missing.length > 0)
    return { ok: false, errors: [`shards: missing ${missing.map((i) => `${i}/${count}`).join(', ')}`] };

  for (const { name, shard, file } of valid) {
    errors.push(...shardTallyProblems(scenario, shard, file.tallies).map((problem) => `${name}: ${problem}`));
  }
  if (errors.length > 0) return { ok: false, errors };
  // every block of every design is now present exactly once, in the shard it belongs to
  const collector = new ResultCollector(scenario);
  let elapsedMs = 0;
  for (const { file } of valid) {
    elapsedMs += Number(file.elapsedMs) || 0;
    for (const entry of file.tallies) collector.add(entry.design, entry.block, Float64Array.from(entry.tally));
  }
  return { ok: true, scenario, results: collector.results(), elapsedMs };
}

/** every problem with one shard's tallies: an entry malformed, in the wrong shard, impossible, twice or missing */
export function shardTallyProblems(scenario: Scenario, shard: Shard, tallies: unknown[]): string[] {
  const problems: string[] = [];
  const blocks = blockCount(scenario.simulation.replicates);
  const designs = scenario.designs.length;
  const belongs = inShard(shard);
  const where = (design: number, block: number) =>
    `design ${JSON.stringify(scenario.designs[design].id)} block ${block}`;
  const index = (value: unknown, end: number): value is number =>
    Number.isInteger(value) && (value as number) >= 0 && (value as number) < end;
  const present = new Set<number>();
  for (const [i, entry] of tallies.entries()) {
    const at = `tallies[${i}]`;
    if (!isRecord(entry)) {
      problems.push(`${at}: must be an object { design, block, tally }, got ${describe(entry)}`);
      continue;
    }
    const { design: d, block: b } = entry;
    if (!index(d, designs)) {
      problems.push(`${at}.design: must be an integer from 0 to ${designs - 1}, got ${describe(d)}`);
    }
    if (!index(b, blocks)) {
      problems.push(`${at}.block: must be an integer from 0 to ${blocks - 1}, got ${describe(b)}`);
    }
    if (!index(d, designs) || !index(b, blocks)) continue;
    if (!belongs(b)) {
      const home = `${shardOf(b, shard.count)}/${shard.count}`;
      const claimed = `${shard.index}/${shard.count}`;
      problems.push(`${where(d, b)}: belongs to shard ${home} (block b is in shard b mod k + 1), not ${claimed}`);
      continue;
    }
    if (present.has(d * blocks + b)) {
      problems.push(`${where(d, b)}: given twice`);
      continue;
    }
    present.add(d * blocks + b);
    problems.push(...tallyProblems(scenario, d, b, entry.tally).map((problem) => `${where(d, b)}: ${problem}`));
  }
  for (let block = 0; block < blocks; block++) {
    for (let design = 0; design < designs && belongs(block); design++) {
      if (present.has(design * blocks + block)) continue;
      problems.push(`${where(design, block)}: missing (the file cut short?)`);
    }
  }
  return problems;
}
