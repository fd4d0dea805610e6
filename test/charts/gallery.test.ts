// The committed gallery page shows every snapshot there is (scripts/chart-gallery.mjs --check).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../scripts/chart-gallery.mjs', import.meta.url));

it('test/charts/gallery.html lists exactly the snapshots in test/charts/snapshots/', () => {
  const run = spawnSync(process.execPath, [SCRIPT, '--check'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
});
