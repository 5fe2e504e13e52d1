import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { locateToml } from '../toml/locate.js';
import { parseToml } from '../toml/parse.js';
import { parsePycraneConfig } from './config.js';

function config(text: string) {
  const doc = parseToml(text, 'pyproject.toml') as { tool?: { pycrane?: unknown } };
  return parsePycraneConfig(doc.tool?.pycrane, locateToml(text, 'pyproject.toml'), 'pyproject.toml');
}

function userError(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('[tool.pycrane]', () => {
  it('maps kebab-case keys to PycraneConfig', () => {
    const { config: c, issues } = config(`[project]
name = "x"

[tool.pycrane]
python = "3.12"
supported-pythons = ["3.12", "3.13"]
base-image = "python:3.12-slim-bookworm"
workdir = "/srv"
command = ["gunicorn", "app:app"]
port = 8000
poetry-version = "2.1.2"
pipx-version = "1.7.1"
build-network = "host"
user = { name = "app", uid = 10001, gid = 10001 }
apt.runtime = ["libpq5"]

[tool.pycrane.dev-user]
name = "dev"

[tool.pycrane.check]
ignore = ["PC301"]
`);
    expect(issues).toEqual([]);
    expect(c).toEqual({
      python: '3.12',
      supportedPythons: ['3.12', '3.13'],
      baseImage: 'python:3.12-slim-bookworm',
      workdir: '/srv',
      command: ['gunicorn', 'app:app'],
      port: 8000,
      poetryVersion: '2.1.2',
      pipxVersion: '1.7.1',
      buildNetwork: 'host',
      user: { name: 'app', uid: 10001, gid: 10001 },
      apt: { runtime: ['libpq5'] },
      devUser: { name: 'dev' },
      check: { ignore: ['PC301'] },
      source: { file: 'pyproject.toml', line: 4, column: 1 },
    });
  });

  it('is empty without [tool.pycrane]', () => {
    expect(config('[project]\nname = "x"\n')).toEqual({ config: {}, issues: [] });
  });

  it('warns about unknown keys at their line, with a suggestion', () => {
    const { config: c, issues } = config('[tool.pycrane]\nport = 80\nbaseimage = "x"\n\n[tool.pycrane.user]\nuid = 1\nshell = "bash"\n');
    expect(c.port).toBe(80);
    expect(issues).toEqual([
      {
        code: 'W_CONFIG_UNKNOWN_KEY',
        severity: 'warning',
        message: 'unknown key "baseimage" in [tool.pycrane] (did you mean "base-image"?): ignored',
        source: { file: 'pyproject.toml', line: 3, column: 1 },
      },
      {
        code: 'W_CONFIG_UNKNOWN_KEY',
        severity: 'warning',
        message: 'unknown key "user.shell" in [tool.pycrane]: ignored',
        source: { file: 'pyproject.toml', line: 7, column: 1 },
      },
    ]);
  });

  it('rejects wrong types with the key and its line', () => {
    const e = userError(() => config('[tool.pycrane]\nworkdir = "/app"\nport = "8000"\n'));
    expect(e.code).toBe('E_CONFIG_TYPE');
    expect(e.source).toEqual({ file: 'pyproject.toml', line: 3, column: 1 });
    expect(e.message).toMatch(/^\[tool\.pycrane\] port: .*expected number/);

    const nested = userError(() => config('[tool.pycrane.user]\nname = "app"\nuid = -1\n'));
    expect(nested.source?.line).toBe(3);
    expect(nested.message).toMatch(/^\[tool\.pycrane\] user\.uid: /);

    const element = userError(() => config('[tool.pycrane]\nsupported-pythons = [\n  "3.12",\n  "three",\n]\n'));
    expect(element.source).toEqual({ file: 'pyproject.toml', line: 4, column: 3 });
    expect(element.message).toContain('supported-pythons.1: expected a Python minor version like "3.13"');

    expect(userError(() => config('[tool]\npycrane = 3\n')).message).toBe('[tool.pycrane] must be a table');
  });
});
