import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIgnoreFile } from './files.js';
import { compilePattern, isIgnored } from './ignore-match.js';

const ignored = (text: string, path: string) => isIgnored(parseIgnoreFile({ path: '.dockerignore', text }), path).excluded;

describe('dockerignore matching', () => {
  it('matches names, directories and their contents', () => {
    expect(ignored('.venv', '.venv/bin/python')).toBe(true);
    expect(ignored('.venv/', '.venv/bin/python')).toBe(true);
    expect(ignored('/.venv', '.venv/pyvenv.cfg')).toBe(true);
    expect(ignored('./.git', '.git/HEAD')).toBe(true);
    expect(ignored('.venv', 'sub/.venv/x')).toBe(false);
  });
  it('understands ** and *', () => {
    expect(ignored('**/.venv', '.venv/x')).toBe(true);
    expect(ignored('**/.venv', 'a/b/.venv/x')).toBe(true);
    expect(ignored('*', '.git/HEAD')).toBe(true);
    expect(ignored('*/.venv', '.venv/x')).toBe(false);
    expect(ignored('.env*', '.env')).toBe(true);
    expect(ignored('**', '.env')).toBe(true);
    expect(ignored('*.pyc', '.env')).toBe(false);
  });
  it('lets the last matching pattern win (negations)', () => {
    expect(ignored('*\n!src\n!pyproject.toml', '.venv/x')).toBe(true);
    expect(ignored('.env*\n!.env.example', '.env')).toBe(true);
    expect(ignored('.env*\n!.env', '.env')).toBe(false);
    expect(ignored('# .venv\n', '.venv/x')).toBe(false);
  });
  it('compiles character classes and escapes', () => {
    expect(compilePattern('*.py[cod]')?.matches('a.pyc')).toBe(true);
    expect(compilePattern('*.py[cod]')?.matches('a.pyx')).toBe(false);
    expect(compilePattern('[!a]b')?.matches('cb')).toBe(true);
    expect(compilePattern('[!a]b')?.matches('ab')).toBe(false);
    expect(compilePattern('[a-c]x')?.matches('bx')).toBe(true);
    expect(compilePattern('a\\*b')?.matches('a*b')).toBe(true);
    expect(compilePattern('a\\*b')?.matches('axb')).toBe(false);
    expect(compilePattern('[abc')).toBeUndefined();
  });
  it('keeps * and ? inside one path segment, and ** across them', () => {
    expect(compilePattern('a/*/c')?.matches('a/b/c')).toBe(true);
    expect(compilePattern('a/*/c')?.matches('a/b/x/c')).toBe(false);
    expect(compilePattern('a/**/c')?.matches('a/c')).toBe(true);
    expect(compilePattern('a/**/c')?.matches('a/b/x/c')).toBe(true);
    expect(compilePattern('a?c')?.matches('a/c')).toBe(false);
    expect(compilePattern('**/*.pyc')?.matches('x/y/z.pyc')).toBe(true);
    expect(compilePattern('[/]')?.matches('/')).toBe(false);
  });
  it('matches in linear time on patterns that make a regular expression backtrack or overflow', () => {
    // `*a*a*...*b` against aaaa...: exponential for a backtracking regex engine.
    const backtracking = `${'*a'.repeat(40)}b`;
    expect(ignored(backtracking, 'a'.repeat(60))).toBe(false);
    expect(ignored(backtracking, `${'a'.repeat(60)}b`)).toBe(true);
    // 100,000 `*` or `**/` segments: "regular expression too large" as a RegExp.
    expect(ignored(`${'*'.repeat(100_000)}.venv`, '.venv/x')).toBe(true);
    expect(ignored(`${'**/'.repeat(100_000)}.venv`, 'a/b/.venv/x')).toBe(true);
    expect(ignored(`${'**/'.repeat(100_000)}.venv`, 'a/b/venv/x')).toBe(false);
  });
  it('decides as reading every entry against every parent folder did (the loop it replaced)', () => {
    // The earlier isIgnored: each entry, each parent folder, the last match wins.
    const byReference = (text: string, path: string) => {
      const parts = path.split('/').filter((x) => x !== '');
      const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
      let decision: { excluded: boolean; line: number | undefined } = { excluded: false, line: undefined };
      for (const e of parseIgnoreFile({ path: '.dockerignore', text }).entries) {
        const p = e.pattern === '' ? undefined : compilePattern(e.pattern);
        if (p && prefixes.some((x) => p.matches(x))) decision = { excluded: !e.negated, line: e.line };
      }
      return decision;
    };
    const segment = fc.array(fc.constantFrom(...'ab.*?[]!-\\'.split('')), { minLength: 0, maxLength: 4 }).map((cs) => cs.join(''));
    const pattern = fc.tuple(fc.boolean(), fc.array(segment, { minLength: 1, maxLength: 3 })).map(([neg, segs]) => `${neg ? '!' : ''}${segs.join('/')}`);
    const path = fc.array(fc.constantFrom('a', 'b', 'ab', '.a', 'a.b', ''), { minLength: 0, maxLength: 4 }).map((segs) => segs.join('/'));
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 8 }), path, (patterns, p) => {
        const d = isIgnored(parseIgnoreFile({ path: '.dockerignore', text: patterns.join('\n') }), p);
        expect({ excluded: d.excluded, line: d.entry?.line }).toEqual(byReference(patterns.join('\n'), p));
      }),
      { numRuns: 5000 },
    );
  });
  it('reads 60,000 repeats of a pattern as one (a 1.2 MB .dockerignore took over 2 s in the fuzzer)', () => {
    const file = parseIgnoreFile({ path: '.dockerignore', text: `${'**/*.py[cod]\n!frontend/README.md\n'.repeat(60_000)}.venv\n` });
    // 50 paths: the loop it replaced ran all 120,001 entries against every parent of each (over 5 s).
    for (let i = 0; i < 10; i++) for (const p of ['.venv/pyvenv.cfg', '.git/HEAD', 'src/app/__init__.py', 'a/b/c/d/e/f.txt', `x${i}`]) isIgnored(file, p);
    expect(isIgnored(file, 'a/b/c/d/e/f.pyc')).toMatchObject({ excluded: true, entry: { line: 119_998 } });
    expect(isIgnored(file, 'frontend/README.md')).toMatchObject({ excluded: false, entry: { line: 119_999 } });
  });
});
