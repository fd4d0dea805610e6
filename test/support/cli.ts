// Runs the built `stratum` command (bin/stratum.mjs → dist/, built by `pretest`).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/stratum.mjs', import.meta.url));

export type CliRun = { status: number | null; stdout: string; stderr: string };

export function runCli(args: string[], input?: string): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
