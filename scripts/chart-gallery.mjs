// Writes test/charts/gallery.html: every chart snapshot in test/charts/snapshots/ with its name, for
// looking at them together (`npm run gallery`, then open the file in a browser). The page shows the
// snapshot files themselves, so it is out of date only when a snapshot is added or removed:
// `--check` says so and exits 1 (test/charts/gallery.test.ts runs it).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('../test/charts/', import.meta.url));
const galleryFile = `${folder}gallery.html`;

const names = readdirSync(`${folder}snapshots`)
  .filter((file) => file.endsWith('.svg'))
  .map((file) => file.slice(0, -'.svg'.length))
  .sort();

// names are the snapshot helper's: lower-case letters, digits and -, nothing to escape
const figures = names.map(
  (name) =>
    `<figure id="${name}"><figcaption><a href="#${name}">${name}</a></figcaption>` +
    `<img src="snapshots/${name}.svg" alt="the ${name} snapshot"></figure>`,
);

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Stratum chart snapshots</title>
<style>
body { font-family: system-ui, sans-serif; margin: 16px; background: #f4f5f7; color: #1b1f24; }
main { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
figure { margin: 0; padding: 8px; background: #ffffff; border: 1px solid #d0d5db; }
figcaption { font: 13px ui-monospace, monospace; margin-bottom: 6px; }
img { display: block; }
</style>
</head>
<body>
<h1>Chart snapshots</h1>
<p>${names.length} snapshots from test/charts/snapshots/, each at its own size (its viewBox in CSS pixels).
Written by <code>npm run gallery</code>.</p>
<main>
${figures.join('\n')}
</main>
</body>
</html>
`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(galleryFile, 'utf8');
  } catch {
    // a missing gallery is out of date like any other
  }
  if (current !== page) {
    console.error('test/charts/gallery.html is out of date with test/charts/snapshots/: run npm run gallery');
    process.exit(1);
  }
} else {
  writeFileSync(galleryFile, page);
}
