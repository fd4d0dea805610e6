// Each chart drawn from fixed data at a desktop and a phone width, rendered to SVG text as the
// report renders it, and compared with its stored snapshot (test/charts/snapshots/, shown together
// in test/charts/gallery.html). UPDATE_SNAPSHOTS=1 rewrites them after an intended change.
import { describe, it } from 'vitest';
import { templateText } from '../../src/report/template-text.js';
import { expectSvgSnapshot } from '../support/svg-snapshot.js';
import { CASES, WIDTHS } from './cases.js';

describe('chart snapshots', () => {
  for (const chart of CASES)
    for (const width of WIDTHS)
      it(`${chart.name} at ${width}`, () => {
        expectSvgSnapshot(`${chart.name}-${width}`, templateText(chart.render(width)));
      });
});
