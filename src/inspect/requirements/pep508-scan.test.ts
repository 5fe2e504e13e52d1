import { describe, expect, it } from 'vitest';
import { markerProblem, scanRequirement, scanSpecifier } from './pep508-scan.js';

describe('scanRequirement', () => {
  it('reads names, extras, specifiers with spaces or parentheses, and direct references', () => {
    expect(scanRequirement('requests [security] >= 2.8.1, == 2.8.*')).toEqual({
      ok: true,
      value: { name: 'requests', extras: ['security'], specifier: '>=2.8.1,==2.8.*', url: undefined },
    });
    expect(scanRequirement('click (>=8.1,<9)')).toMatchObject({ ok: true, value: { specifier: '>=8.1,<9' } });
    expect(scanRequirement('proxy.py >= 2.4.4rc5')).toMatchObject({ ok: true, value: { name: 'proxy.py', specifier: '>=2.4.4rc5' } });
    expect(scanRequirement('pkg[]')).toMatchObject({ ok: true, value: { extras: [] } });
    expect(scanRequirement('pip @ https://github.com/pypa/pip/archive/22.0.2.zip')).toMatchObject({
      ok: true,
      value: { name: 'pip', url: 'https://github.com/pypa/pip/archive/22.0.2.zip', specifier: undefined },
    });
    expect(scanRequirement('x===weird-1')).toMatchObject({ ok: true, value: { specifier: '===weird-1' } });
  });

  it('rejects what pip would reject', () => {
    for (const bad of ['>=1.0', 'foo-', 'foo =1.0', 'foo==', 'foo>=1.*', 'foo 1.0', 'foo[bar', 'foo @', 'foo @ not a url', 'foo (>=1', 'foo[b@d]']) {
      expect(scanRequirement(bad).ok, bad).toBe(false);
    }
  });
});

describe('scanSpecifier', () => {
  it('drops spaces and rejects empty clauses', () => {
    expect(scanSpecifier(' ~= 0.6.2 ')).toEqual({ ok: true, value: '~=0.6.2' });
    expect(scanSpecifier('')).toEqual({ ok: true, value: undefined });
    expect(scanSpecifier('>=1,,<2').ok).toBe(false);
  });
});

describe('markerProblem', () => {
  it('accepts PEP 508 markers, nested and with legacy names', () => {
    for (const ok of [
      'python_version < "3.11"',
      "platform_system != 'Windows' and implementation_name == 'cpython'",
      "(python_version<'3.11' or sys_platform!='win32') and python_version<'3.12'",
      '"linux" in sys_platform',
      "extra not in 'a b'",
      'os.name == "posix"',
      `${'('.repeat(5000)}python_version > "3"${')'.repeat(5000)}`,
    ]) {
      expect(markerProblem(ok), ok).toBeUndefined();
    }
  });

  it('names the problem of a broken marker', () => {
    expect(markerProblem('python_version <')).toBe('the markers end too early');
    expect(markerProblem('pythonversion < "3"')).toBe('`pythonversion` is not a marker variable');
    expect(markerProblem('python_version < "3')).toBe('a quoted string in the markers is not closed');
    expect(markerProblem('(python_version < "3"')).toBe('a `(` in the markers is not closed');
    expect(markerProblem('python_version < "3")')).toBe('the markers are not of the form `variable operator "value"` joined by and/or');
    expect(markerProblem('python_version = "3"')).toBe('`=` is not a marker operator');
    expect(markerProblem('extra not "x"')).toBe('`not` must be followed by `in`');
  });
});
