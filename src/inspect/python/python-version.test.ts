import { describe, expect, it } from 'vitest';
import { parsePythonVersion, parseRuntimeTxt, parseToolVersions } from './python-version.js';

const pin = (text: string) => parsePythonVersion(text, '.python-version').pin;

describe('parsePythonVersion', () => {
  it('reads minor and patch pins in the forms pyenv and uv write', () => {
    expect(pin('3.13\n')).toEqual({ minor: '3.13', exact: undefined, raw: '3.13', source: { file: '.python-version', line: 1 } });
    expect(pin('3.13.5')).toMatchObject({ minor: '3.13', exact: '3.13.5' });
    expect(pin('cpython-3.13')).toMatchObject({ minor: '3.13', exact: undefined });
    expect(pin('cpython-3.12.4-linux-x86_64-gnu')).toMatchObject({ minor: '3.12', exact: '3.12.4' });
    expect(pin('3.13t')).toMatchObject({ minor: '3.13' });
    expect(pin('python3.12.1.2rc1')).toMatchObject({ minor: '3.12', exact: '3.12.1' });
    expect(pin('3.12.x')).toMatchObject({ minor: '3.12', exact: undefined });
    expect(pin('3.12-')).toMatchObject({ minor: '3.12', exact: undefined });
    expect(pin('3.12.')).toMatchObject({ minor: '3.12', exact: undefined });
    expect(pin('3.12 t')).toBeUndefined();
    expect(pin('3.')).toBeUndefined();
  });

  it('reads a long suffix in linear time', () => {
    const suffix = '.1'.repeat(100_000);
    expect(pin(`3.13${suffix}`)).toMatchObject({ minor: '3.13', exact: '3.13.1' });
    expect(pin(`3.13${suffix}!`)).toBeUndefined();
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

describe('version parts beyond nine digits (fuzz crashers test/fuzz/crashers/python-version)', () => {
  it('ignores them with a warning that names the file and line', () => {
    for (const text of ['999999999999999999993.3', '3.3.3333333333333333333333', `# pin\n3.${'3'.repeat(32_811)}`]) {
      const { pin: p, issues } = parsePythonVersion(text, '.python-version');
      expect(p).toBeUndefined();
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: 'W_PYTHON_VERSION_IGNORED', severity: 'warning', source: { file: '.python-version', line: text.startsWith('#') ? 2 : 1 } });
      expect(issues[0]?.message).toContain('longer than 9 digits');
      expect(issues[0]?.message.length).toBeLessThan(200);
    }
  });

  it('keeps nine-digit parts', () => {
    expect(pin('3.12.123456789')).toMatchObject({ minor: '3.12', exact: '3.12.123456789' });
  });

  it('applies to runtime.txt and .tool-versions too', () => {
    expect(parseRuntimeTxt('python-3.11.99999999999\n', 'runtime.txt')).toMatchObject({ pin: undefined, issues: [{ code: 'W_PYTHON_VERSION_IGNORED', source: { file: 'runtime.txt', line: 1 } }] });
    expect(parseToolVersions('nodejs 20\npython 3.11.99999999999\n', '.tool-versions')).toMatchObject({ pin: undefined, issues: [{ code: 'W_PYTHON_VERSION_IGNORED', source: { file: '.tool-versions', line: 2 } }] });
  });
});

describe('parseToolVersions', () => {
  it('reads the first version on the python line, comments cut off', () => {
    const text = 'nodejs 20 # node\npython 3.12.4 3.11.0 # two\n';
    expect(parseToolVersions(text, '.tool-versions').pin).toMatchObject({ minor: '3.12', exact: '3.12.4', source: { file: '.tool-versions', line: 2 } });
    expect(parseToolVersions('# python 3.12\npython#3.11\npython 3.13\r\n', '.tool-versions').pin).toMatchObject({ minor: '3.13', source: { line: 3 } });
  });

  it('cuts a comment of many `#` in linear time', () => {
    const hashes = '#'.repeat(200_000);
    expect(parseToolVersions(`python 3.12 ${hashes}\r!\n`, '.tool-versions').pin).toMatchObject({ minor: '3.12' });
  });
});
