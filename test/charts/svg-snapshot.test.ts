// The snapshot normaliser itself: what it rounds, renumbers and lays out, so that two renderings that
// differ only in floating noise, generated ids or whitespace compare equal.
import { describe, expect, it } from 'vitest';
import { normaliseSvg } from '../support/svg-snapshot.js';

describe('normaliseSvg', () => {
  it('rounds numbers with a fraction to 3 decimals, and -0 to 0', () => {
    expect(normaliseSvg('<path d="M1.23456,7L-0.0001,2.5"></path>')).toBe('<path d="M1.235,7L0,2.5"></path>\n');
  });

  it('renumbers ids in order of appearance with their references', () => {
    const text = normaliseSvg(
      '<svg aria-labelledby="c9-title c9-desc"><title id="c9-title">T</title><desc id="c9-desc">D</desc>' +
        '<marker id="c9-arrow"></marker><line marker-end="url(#c9-arrow)"></line><use href="#c9-arrow"></use></svg>',
    );
    expect(text).toContain('aria-labelledby="id-1 id-2"');
    expect(text).toContain('<title id="id-1">T</title>');
    expect(text).toContain('<marker id="id-3">');
    expect(text).toContain('marker-end="url(#id-3)"');
    expect(text).toContain('href="#id-3"');
    expect(text).not.toContain('c9');
  });

  it('puts one tag a line, indented by depth, whatever the whitespace was', () => {
    const a = normaliseSvg('<svg>\n   <g>  <text x="1">a  b</text>\n<rect/></g></svg>');
    const b = normaliseSvg('<svg><g><text x="1">a b</text><rect/></g></svg>');
    expect(a).toBe(b);
    expect(a).toBe('<svg>\n  <g>\n    <text x="1">a b</text>\n    <rect/>\n  </g>\n</svg>\n');
  });
});
