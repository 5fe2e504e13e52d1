import { describe, expect, it } from 'vitest';
import { parsePythonVersion } from './python-version.js';

const pin = (text: string) => parsePythonVersion(text, '.python-version').pin;

describe('parsePythonVersion', () => {
  it('reads minor and patch pins in the forms pyenv and uv write', () => {
    expect(pin('3.13\n')).toEqual({ minor: '3.13', exact: undefined, raw: '3.13', source: { file: '.python-version', line: 1 } });
    expect(pin('3.13.5')).toMatchObject({ minor: '3.13', exact: '3.13.5' });
    expect(pin('cpython-3.13')).toMatchObject({ minor: '3.13', exact: undefined });
    expect(pin('cpython-3.12.4-linux-x86_64-gnu')).toMatchObject({ minor: '3.12', exact: '3.12.4' });
    expect(pin('3.13t')).toMatchObject({ minor: '3.13' });
  });

  it('skips blank lines and comments and reports the line used', () => {
    expect(pin('# pinned\n\n  3.11.2  \n3.12\n')).toMatchObject({ minor: '3.11', source: { line: 3 } });
    expect(pin('')).toBeUndefined();
  });

  it('ignores other interpreters with a warning', () => {
    const result = parsePythonVersion('pypy3.10\n', '.python-version');
    expect(result.pin).toBeUndefined();
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'W_PYTHON_VERSION_IGNORED', severity: 'warning', source: { file: '.python-version', line: 1 } }),
    ]);
    expect(parsePythonVersion('system', '.python-version').pin).toBeUndefined();
  });
});
