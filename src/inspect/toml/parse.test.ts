import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { parseToml } from './parse.js';

describe('parseToml', () => {
  it('parses valid TOML', () => {
    expect(parseToml('a = 1\n[b]\nc = "d"\n', 'x.toml')).toEqual({ a: 1, b: { c: 'd' } });
    expect(parseToml('a = 1\n', 'x.toml', { integersAsBigInt: true })).toEqual({ a: 1n });
  });

  it('reports syntax errors as UserError at file:line:col', () => {
    const run = () => parseToml('[tool.poetry]\nname = "x"\nversion = \n', 'pyproject.toml');
    expect(run).toThrow(UserError);
    try {
      run();
    } catch (error) {
      const e = error as UserError;
      expect(e.code).toBe('E_TOML_SYNTAX');
      expect(e.source).toEqual({ file: 'pyproject.toml', line: 3, column: 11 });
      expect(e.describe()).toBe('pyproject.toml:3:11: invalid TOML: invalid value');
    }
  });

  it('reports a redefined table at its line', () => {
    try {
      parseToml('[x]\na = 1\n[x]\n', 'pyproject.toml');
      expect.unreachable();
    } catch (error) {
      expect((error as UserError).source?.line).toBe(3);
      expect((error as UserError).message).toMatch(/^invalid TOML: /);
    }
  });
});

describe('parseToml depth', () => {
  it('accepts 1,000 nested arrays and refuses 10,000 with a located syntax error (no stack overflow later)', () => {
    expect(() => parseToml(`x = ${'['.repeat(1000)}${']'.repeat(1000)}\n`, 'pyproject.toml')).not.toThrow();
    const deep = () => parseToml(`[project]\nx = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 'pyproject.toml');
    expect(deep).toThrow(UserError);
    expect(deep).toThrow(/invalid TOML: .*nested/);
  });
});
