import { describe, expect, it } from 'vitest';
import { FAMILIES } from './families.js';
import { minimise } from './minimise.js';
import { mutate } from './mutate.js';
import { describeError, generateInput } from './oracle.js';
import { makeRng } from './rng.js';
import { seedsFor } from './seeds.js';

describe('minimise (delta debugging by lines, then characters)', () => {
  it('finds the one line, then the two characters, that fail', async () => {
    const text = ['alpha', 'beta', 'FROM x', 'gamma', 'delta'].join('\n');
    const fails = async (t: string) => t.includes('FR');
    expect(await minimise(text, fails, { maxTests: 500 })).toBe('FR');
  });
  it('keeps what must stay together, and stops at its budget', async () => {
    const text = 'a\n'.repeat(64) + '((((\n' + 'b\n'.repeat(64);
    let calls = 0;
    const fails = async (t: string) => {
      calls++;
      return (t.match(/\(/g) ?? []).length >= 4;
    };
    expect(await minimise(text, fails, { maxTests: 1000 })).toBe('((((');
    calls = 0;
    await minimise(text, fails, { maxTests: 5 });
    expect(calls).toBeLessThanOrEqual(5);
  });
});

describe('inputs are reproducible from (run seed, family, index)', () => {
  it('the same number gives the same input, another number another', async () => {
    for (const family of FAMILIES) {
      const seeds = await seedsFor(family.matches);
      expect(seeds.length, `${family.name} has seeds`).toBeGreaterThan(0);
      const a = generateInput(family, seeds, 7, 42);
      expect(generateInput(family, seeds, 7, 42)).toEqual(a);
      const others = [43, 44, 45].map((i) => generateInput(family, seeds, 7, i).text);
      expect(others.some((t) => t !== a.text)).toBe(true);
    }
  });
  it('mutations stay within the size cap and are valid UTF-8 round trips', () => {
    const rng = makeRng(1);
    for (let i = 0; i < 300; i++) {
      const out = mutate('FROM python:3.13\nRUN pip install x\n', { rng, format: 'dockerfile', donors: ['USER app\n'] });
      expect(out.length).toBeLessThanOrEqual(2 * 1024 * 1024);
    }
  });
});

describe('crash signatures', () => {
  it('name the error, its message without numbers, and the innermost src/ frame', () => {
    const error = new RangeError('Invalid string length 123');
    error.stack = `RangeError: Invalid string length 123\n    at repeat (/x/node_modules/yaml/dist/a.js:1:2)\n    at expandVars (/work/main/src/dockerfile/expand.ts:88:5)\n    at lint (/work/main/src/lint/engine.ts:40:3)`;
    const d = describeError(error);
    expect(d.stackTop).toBe('src/dockerfile/expand.ts:88 expandVars');
    expect(d.innermost).toBe('node_modules/yaml/dist/a.js:1 repeat');
    expect(d.signature).toBe('RangeError: Invalid string length N @ src/dockerfile/expand.ts expandVars');
  });
});

describe('mutations of very long lines', () => {
  it('never build a string past the cap (repeating a 200,000-character line)', () => {
    const long = `RUN ${'x'.repeat(200_000)}\n`;
    for (let seed = 0; seed < 200; seed++) {
      const out = mutate(long, { rng: makeRng(seed), format: 'dockerfile', donors: [long] });
      expect(out.length).toBeLessThanOrEqual(2 * 1024 * 1024);
    }
  });
});
