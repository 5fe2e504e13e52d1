import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, MAX_SYNTAX_ERRORS, MAX_TREE_FILE_CHARS, parseJsoncFile, parseYamlFile } from './files.js';

const crasher = (path: string) => readFileSync(new URL(`../../test/fuzz/crashers/${path}`, import.meta.url), 'utf8');

describe('parseYamlFile', () => {
  it('parses a compose file and locates paths in it', () => {
    const f = parseYamlFile({ path: 'compose.yaml', text: 'services:\n  app:\n    ports:\n      - "8000:8000"\n' });
    expect(f.errors).toEqual([]);
    expect(f.value).toEqual({ services: { app: { ports: ['8000:8000'] } } });
    expect(f.rangeAt(['services', 'app', 'ports', 0])).toEqual({ start: { line: 3, character: 8 }, end: { line: 3, character: 19 } });
  });

  it('reports nesting past the limit as a syntax error on its line instead of overflowing the stack (fuzz crashers)', () => {
    for (const name of ['compose/7b2dd2c9a5f9.yaml', 'compose/aaa959d2d031.yaml']) {
      const text = crasher(name);
      const t0 = performance.now();
      const f = parseYamlFile({ path: 'compose.yaml', text });
      expect(performance.now() - t0).toBeLessThan(500);
      expect(f.value).toBeUndefined();
      expect(f.errors).toHaveLength(1);
      expect(f.errors[0]?.message).toBe(`collections nested more than ${MAX_NESTING} levels deep: not parsed`);
      // On the line of the run of `- ` or `[`.
      expect(f.errors[0]?.range.start.line).toBe(text.slice(0, text.search(/(- |\[){100}/)).split('\n').length - 1);
      expect(f.rangeAt(['services'])).toBeUndefined();
    }
  });

  it(`lists the first ${MAX_SYNTAX_ERRORS} syntax errors, then one that counts the rest`, () => {
    const text = `services:\n${'  app: [\n  } ]\n'.repeat(2000)}`;
    const f = parseYamlFile({ path: 'compose.yaml', text });
    expect(f.errors).toHaveLength(MAX_SYNTAX_ERRORS + 1);
    const last = f.errors[MAX_SYNTAX_ERRORS];
    expect(last?.message).toMatch(/^\d+ more syntax errors from here on, not listed \(fix the first ones/);
    expect(f.errors[0]?.range.start.line).toBeLessThanOrEqual(last?.range.start.line ?? -1);
    expect(Error.stackTraceLimit).toBeGreaterThan(0);
  });

  it('keeps a file with a few errors whole', () => {
    const f = parseYamlFile({ path: 'compose.yaml', text: 'services:\n  app: [\n' });
    expect(f.errors.length).toBeGreaterThan(0);
    expect(f.errors.length).toBeLessThanOrEqual(MAX_SYNTAX_ERRORS);
    expect(f.errors.some((e) => e.message.includes('more syntax errors'))).toBe(false);
  });

  it('still parses 90 levels', () => {
    const f = parseYamlFile({ path: 'compose.yaml', text: `x: ${'['.repeat(90)}${']'.repeat(90)}\n` });
    expect(f.errors).toEqual([]);
  });
});

describe('parseJsoncFile', () => {
  it('parses comments and trailing commas', () => {
    const f = parseJsoncFile({ path: 'devcontainer.json', text: '{\n  // c\n  "image": "python:3.12",\n}\n' });
    expect(f.errors).toEqual([]);
    expect(f.value).toEqual({ image: 'python:3.12' });
  });

  it('reports deep nesting after the object on its line (fuzz crasher devcontainer/6c5ec3b9158f.json)', () => {
    const t0 = performance.now();
    const f = parseJsoncFile({ path: '.devcontainer/devcontainer.json', text: crasher('devcontainer/6c5ec3b9158f.json') });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(f.value).toBeUndefined();
    expect(f.errors).toEqual([{ message: `collections nested more than ${MAX_NESTING} levels deep: not parsed`, range: { start: { line: 1, character: 102 }, end: { line: 1, character: 103 } } }]);
  });
});

describe('a compose file or devcontainer.json over the size pycrane reads', () => {
  it('is one error on line 1, not parsed', () => {
    const text = `services:\n${'  # padding\n'.repeat(60_000)}`;
    const f = parseYamlFile({ path: 'compose.yaml', text });
    expect(f.value).toBeUndefined();
    expect(f.errors).toEqual([{ message: `${text.length.toLocaleString('en-US')} characters, over the ${MAX_TREE_FILE_CHARS / 1024} KiB pycrane reads: not parsed`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }]);
    expect(parseJsoncFile({ path: '.devcontainer/devcontainer.json', text: `{${' '.repeat(MAX_TREE_FILE_CHARS)}}` }).errors).toHaveLength(1);
  });
  it('is parsed at the limit', () => {
    const text = `services: {}\n${'#'.repeat(MAX_TREE_FILE_CHARS - 14)}\n`;
    expect(text.length).toBe(MAX_TREE_FILE_CHARS);
    expect(parseYamlFile({ path: 'compose.yaml', text }).errors).toEqual([]);
  });
});
