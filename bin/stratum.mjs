#!/usr/bin/env node
// The `stratum` command. The TypeScript sources are bundled into dist/ by `npm install`/`npm ci`
// (the prepare script) and before `npm test`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/stratum.mjs', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'stratum: the command is not built yet; run `npm install` (or `npm run build:cli`) in the project folder\n',
  );
  process.exit(1);
}
await import(entry.href);
