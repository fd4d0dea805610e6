// Runs in R the rpact script that `stratum rcode` writes for each rpact reference case of the
// fixtures (and a few one-population designs; scripts/check-rcode-cases.ts), and checks rpact's
// numbers against Stratum's: a probability or an expected size within 4·√(se² + se_rpact²), an
// exact quantity (a closed form, a fixed size) within 10⁻⁶, a size at the target power within
// that bound plus one (Stratum's sizes are whole, rpact's are not). Rows that rpact cannot
// reproduce exactly (an approximate design, a size by another law) are printed, not checked.
// Needs R with rpact: without them it says so and exits 0. Not part of `npm test` (it runs for
// minutes): `node scripts/check-rcode.mjs [id…]`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const OUT = 'test-output/check-rcode';
const rpact = spawnSync('Rscript', ['-e', 'cat(as.character(packageVersion("rpact")))'], { encoding: 'utf8' });
if (rpact.error || rpact.status !== 0) {
  const why = rpact.error
    ? `Rscript cannot be run (${rpact.error.code ?? rpact.error.message})`
    : 'R has no rpact package';
  console.log(`check-rcode: skipped, ${why}; install R and rpact to compare with rpact.`);
  process.exit(0);
}
mkdirSync(OUT, { recursive: true });
await build({
  entryPoints: ['scripts/check-rcode-cases.ts'],
  outfile: join(OUT, 'cases.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __require } from 'node:module'; const require = __require(import.meta.url);",
  },
});
const { CHECK_CASES } = await import(new URL(`../${OUT}/cases.mjs`, import.meta.url).href);
const chosen = process.argv.slice(2);
const cases = chosen.length > 0 ? CHECK_CASES.filter((c) => chosen.includes(c.id)) : CHECK_CASES;
console.log(`check-rcode: rpact ${rpact.stdout}, ${cases.length} cases`);

/** the comparison R wrote: one row per quantity */
function readCsv(file) {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const split = (line) =>
    [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '')).slice(0, -1);
  const names = split(header);
  return lines.map((line) => Object.fromEntries(split(line).map((value, i) => [names[i], value])));
}

const number = (text) => (text === 'NA' || text === '' ? Number.NaN : Number(text));
let failures = 0;
const started = Date.now();
for (const item of cases) {
  const file = join(OUT, `${item.id}.R`);
  const csv = join(OUT, `${item.id}.csv`);
  writeFileSync(file, await item.script());
  const t0 = Date.now();
  const run = spawnSync('Rscript', [file], { encoding: 'utf8', env: { ...process.env, STRATUM_RCODE_CSV: csv } });
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  if (run.status !== 0) {
    failures++;
    console.log(`\n${item.id}: R failed (${seconds} s)\n${run.stderr.slice(-2000)}`);
    continue;
  }
  console.log(`\n${item.id} (R ${seconds} s): ${item.source}`);
  for (const row of readCsv(csv)) {
    const [ours, theirs, se, rpactSe] = [row.stratum, row.rpact, row.se, row.rpactSe].map(number);
    const error = Math.sqrt(se ** 2 + rpactSe ** 2);
    const difference = ours - theirs;
    let verdict = 'not compared';
    if (Number.isFinite(difference) && Number.isFinite(error)) {
      // Stratum's sizes are whole, rpact's not: one more patient or event is rounding
      const rounding = /(^|\.)size$/.test(row.quantity) ? 1 : 1e-6;
      const bound = 4 * error + rounding;
      const ok = Math.abs(difference) <= bound;
      verdict =
        row.approximate === 'TRUE' ? `approximate${ok ? '' : ', beyond the bound'}` : ok ? 'ok' : 'BEYOND THE BOUND';
      if (!ok && row.approximate !== 'TRUE') failures++;
    }
    const exact = difference === 0 ? '0 (exact)' : `Δ ${difference.toExponential(1)}`;
    const z = error > 0 ? (difference / error).toFixed(2) : Number.isFinite(difference) ? exact : '—';
    error > 0
      ? (difference / error).toFixed(2)
      : Number.isFinite(difference)
        ? difference === 0
          ? '0 (exact)'
          : `Δ ${difference.toExponential(1)}`
        : '—';
    console.log(
      `  ${row.design.padEnd(12)} ${row.quantity.padEnd(22)} ours ${String(ours.toPrecision(6)).padStart(10)}  ` +
        `rpact ${String(theirs.toPrecision(6)).padStart(10)}  z ${String(z).padStart(9)}  ${verdict}`,
    );
  }
}
const verdict = failures === 0 ? 'every comparison within its bound' : `${failures} beyond the bound`;
console.log(`\ncheck-rcode: ${verdict} (${((Date.now() - started) / 60000).toFixed(1)} min)`);
process.exitCode = failures === 0 ? 0 : 1;
