import { describe, expect, it } from 'vitest';
import { gitignoreWithEnv, ignoresEnv } from './env-example.js';

describe('ignoresEnv', () => {
  it.each([
    ['.env\n', true],
    ['/.env\n', true],
    ['.env*\n', true],
    ['*.env\n', true],
    ['**/.env\n', true],
    ['.venv\n__pycache__/\n', false],
    ['.env/\n', false],
    ['config/.env\n', false],
    ['.env\n!.env\n', false],
    ['# .env\n', false],
    ['.env.local\n', false],
    ['.e?v  \t\n', true],
    ['?env\n', true],
    ['*.*v\n', true],
    ['.e*n*v\n', true],
    ['.e*x*v\n', false],
    ['**\n', true],
    ['.[e]nv\n', false],
    ['.env\n!*e*\n', false],
  ])('%j -> %s', (text, expected) => {
    expect(ignoresEnv(text)).toBe(expected);
  });
  it('matches patterns of many stars and long runs of trailing spaces in linear time', () => {
    expect(ignoresEnv(`${'*'.repeat(200_000)}x\n`)).toBe(false);
    expect(ignoresEnv(`${'*'.repeat(200_000)}v\n`)).toBe(true);
    expect(ignoresEnv(`${'*?'.repeat(100_000)}\n`)).toBe(false);
    expect(ignoresEnv(`.env${' '.repeat(200_000)}\n`)).toBe(true);
    expect(ignoresEnv(`.env${' '.repeat(200_000)}x\n`)).toBe(false);
  });
});

describe('gitignoreWithEnv', () => {
  it('appends one line to a file that does not ignore .env, keeping the rest as it is', () => {
    expect(gitignoreWithEnv('.venv\n')).toBe('.venv\n# Local settings and passwords for docker compose (pycrane init; .env.example has the template)\n.env\n');
    expect(gitignoreWithEnv('.venv')?.startsWith('.venv\n#')).toBe(true);
  });

  it('writes a new file when there is none, and nothing when .env is ignored already', () => {
    expect(gitignoreWithEnv(undefined)?.endsWith('\n.env\n')).toBe(true);
    expect(gitignoreWithEnv('dist\n.env\n')).toBeUndefined();
  });
});
