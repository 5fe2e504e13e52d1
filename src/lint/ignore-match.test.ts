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
});
