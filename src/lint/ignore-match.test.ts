import { describe, expect, it } from 'vitest';
import { parseIgnoreFile } from './files.js';
import { isIgnored, patternToRegExp } from './ignore-match.js';

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
    expect(patternToRegExp('*.py[cod]')?.test('a.pyc')).toBe(true);
    expect(patternToRegExp('[!a]b')?.test('cb')).toBe(true);
    expect(patternToRegExp('a\\*b')?.test('a*b')).toBe(true);
  });
});
