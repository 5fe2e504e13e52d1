import { describe, expect, it } from 'vitest';
import { nestingDepth } from './nesting.js';

const depth = (text: string) => nestingDepth(text, 100).depth;

describe('nestingDepth', () => {
  it('counts block levels and flow brackets of ordinary files', () => {
    // A block entry's content counts as a level of its own: an upper estimate.
    expect(depth('services:\n  app:\n    ports:\n      - "8000:8000"\n')).toBe(5);
    expect(depth('a: [1, [2, {b: 3}]]\n')).toBe(4);
    expect(depth('{\n  "features": {\n    "x": {}\n  }\n}\n')).toBe(4);
  });

  it('ignores brackets in quotes, comments, plain scalars and block scalars', () => {
    expect(depth('a: "[[[["\nb: \'{{{{\'\nc: x [[[[ # [[[[\n')).toBe(1);
    expect(depth('cmd: |\n  - - - - - [ -f x ] [[[[\n      deep\nb: 1\n')).toBe(1);
    expect(depth('a: ["[[[", \'{{\']\n')).toBe(2);
  });

  it('stops past the limit at the offending character (fuzz crashers test/fuzz/crashers/compose, devcontainer)', () => {
    expect(nestingDepth(`services:\n - ${'- '.repeat(2400)}x\n`, 100)).toEqual({ depth: 101, offset: 10 + 2 * 99 + 1 });
    expect(nestingDepth(`x: ${'['.repeat(1521)}\n`, 100)).toEqual({ depth: 101, offset: 3 + 99 });
    expect(depth(`{"a": 1\n}${'['.repeat(500)}`)).toBe(101);
    expect(depth(`a: ${'{'.repeat(500)}`)).toBe(101);
    expect(depth(`${'? '.repeat(500)}x`)).toBe(101);
    expect(depth(`a: ${'&x !!seq ['.repeat(500)}`)).toBe(101);
    expect(depth(Array.from({ length: 500 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'))).toBe(101);
  });

  it('is linear: a megabyte of brackets and quotes scans in well under a second', () => {
    const text = `a: "${'['.repeat(500_000)}\n${'"x\n'.repeat(100_000)}`;
    const t0 = performance.now();
    nestingDepth(text, 100);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
