// Shards: a run split into k disjoint sets of replicate blocks (block b goes to shard b mod k + 1),
// each run anywhere, and merged into exactly the unsharded result. A shard file carries every
// block's tally, not a partial sum, so the merge folds them in block order as the unsharded run
// does and the floating-point sums, and so the results, are the same to the last bit.
import { blockCount } from './blocks.js';
import { ResultCollector } from './collector.js';
import type { DesignResult } from './results.js';
import { parseScenario } from './scenario/parse.js';
import type { Scenario } from './scenario/types.js';
import { TALLY_SIZE } from './tally.js';

export type Shard = { index: number; count: number };
export type ShardFile = { shard: string; scenario: Scenario; tallies: { design: number; block: number; tally: number[] }[]; elapsedMs: number };

export function inShard(shard: Shard): (block: number) => boolean {
  return (block) => block % shard.count === shard.index - 1;
}

/** `i/k` with 1 ≤ i ≤ k ≤ 10⁴ */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count && count <= 10_000 ? { index, count } : undefined;
}

export type Merged = { ok: true; scenario: Scenario; results: DesignResult[]; elapsedMs: number } | { ok: false; errors: string[] };

/** merge the shard files of one run (`names` label them in messages) */
export function mergeShards(files: unknown[], names: string[]): Merged {
  const errors: string[] = [];
  let reference: string | undefined;
  let scenario: Scenario | undefined;
  let count: number | undefined;
  const seen = new Map<number, string>();
  const valid: ShardFile[] = [];
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
    } else if (text !== reference) errors.push(`${name}: its scenario differs from ${names[0]}'s (shards must come from one run)`);
    else if (shard.count !== count) errors.push(`${name}: shard ${candidate.shard} is of a ${shard.count}-way split, ${names[0]} of a ${count}-way one`);
    if (seen.has(shard.index)) errors.push(`${name}: shard ${shard.index}/${shard.count} is also in ${seen.get(shard.index)}`);
    seen.set(shard.index, name);
    valid.push(candidate as ShardFile);
  });
  if (errors.length > 0 || !scenario || count === undefined) return { ok: false, errors };
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) return { ok: false, errors: [`shards: missing ${missing.map((i) => `${i}/${count}`).join(', ')}`] };

  const collector = new ResultCollector(scenario);
  const blocks = blockCount(scenario.simulation.replicates);
  let elapsedMs = 0;
  for (const file of valid) {
    elapsedMs += Number(file.elapsedMs) || 0;
    for (const entry of file.tallies) {
      const ok = Number.isInteger(entry.design) && entry.design >= 0 && entry.design < scenario.designs.length && Number.isInteger(entry.block) && entry.block >= 0 && entry.block < blocks && Array.isArray(entry.tally) && entry.tally.length === TALLY_SIZE;
      if (!ok) return { ok: false, errors: ['shards: a tally entry is malformed (edited file?)'] };
      try {
        collector.add(entry.design, entry.block, Float64Array.from(entry.tally));
      } catch (error) {
        return { ok: false, errors: [`shards: ${(error as Error).message}`] };
      }
    }
  }
  if (!collector.complete) return { ok: false, errors: ['shards: some blocks are missing (a shard file was cut short?)'] };
  return { ok: true, scenario, results: collector.results(), elapsedMs };
}
