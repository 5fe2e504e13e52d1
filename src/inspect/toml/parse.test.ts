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
