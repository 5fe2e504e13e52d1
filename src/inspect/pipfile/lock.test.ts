import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { parsePipfileLock } from './lock.js';

const fixture = (project: string) =>
  readFileSync(fileURLToPath(new URL(`../__fixtures__/pipfile/${project}/Pipfile.lock`, import.meta.url)), 'utf8');
/** name version groups markers, one line per package. */
const rows = (project: string) =>
  parsePipfileLock(fixture(project)).lock.packages.map((p) => `${p.name} ${p.version} ${p.groups.join('+')}${p.markers ? ` ; ${p.markers}` : ''}`);

describe('parsePipfileLock', () => {
  it('reads a pipenv 2022.12.19 lock: _meta, default and develop, a package in both, markers of main only', () => {
    const result = parsePipfileLock(fixture('pipenv2022-web'));
    expect(result.hash).toEqual({
      value: 'df09ccd603b3a68ba51cd39a7763ead0dff1add45836c444bf211284b03e3d9b',
      source: { file: 'Pipfile.lock', line: 4, column: 13 },
    });
    expect(result.pipfileSpec).toBe(6);
    expect(result.requires).toEqual({ pythonVersion: '3.11' });
    expect(result.sources).toEqual([
      { name: 'lab', url: 'http://127.0.0.1:3141/bookworm/simple/', priority: undefined, source: { file: 'Pipfile.lock', line: 11, column: 13 } },
    ]);
    expect(result.rawSources).toEqual([{ name: 'lab', url: 'http://127.0.0.1:3141/bookworm/simple/', verify_ssl: false }]);
    expect(result.hasDevelop).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.lock).toMatchObject({
      path: 'Pipfile.lock',
      generator: undefined,
      lockVersion: { value: '6', source: { file: 'Pipfile.lock', line: 6, column: 9 } },
      contentHash: result.hash,
      pythonVersions: { value: '3.11', source: { file: 'Pipfile.lock', line: 8, column: 13 } },
      fresh: undefined,
    });
    expect(rows('pipenv2022-web')).toEqual([
      "anyio 3.6.2 main ; python_full_version >= '3.6.2'",
      "certifi 2022.9.24 main ; python_version >= '3.6'",
      'click 8.1.3 main',
      "colorama 0.4.6 main ; sys_platform == 'win32'",
      'flask 2.2.2 main',
      "h11 0.14.0 main ; python_version >= '3.7'",
      "httpcore 0.16.3 main ; python_version >= '3.7'",
      'httpx 0.23.3 main',
      'idna 3.3 main',
      "importlib-metadata 4.12.0 main+dev ; python_version >= '3.7'",
      "itsdangerous 2.1.2 main ; python_version >= '3.7'",
      "jinja2 3.1.2 main ; python_version >= '3.7'",
      "markdown-it-py 2.1.0 main ; python_version >= '3.7'",
      "markupsafe 2.1.2 main ; python_version >= '3.7'",
      "mdurl 0.1.2 main ; python_version >= '3.7'",
      "more-itertools 8.10.0 main+dev ; python_version >= '3.5'",
      'pygments 2.14.0 main',
      'rfc3986 1.5.0 main',
      'rich 13.3.1 main',
      "setuptools 66.1.1 main+dev ; python_version >= '3.7'",
      "sniffio 1.2.0 main ; python_version >= '3.5'",
      "typing-extensions 4.4.0 main ; python_version < '3.12'",
      "werkzeug 2.2.2 main ; python_version >= '3.7'",
      "zipp 1.0.0 main+dev ; python_version >= '2.7'",
      'attrs 22.2.0 dev',
      'iniconfig 1.1.1 dev',
      'packaging 23.0 dev',
      'pluggy 1.0.0+repack dev',
      'py 1.11.0 dev',
      'pytest 7.2.1 dev',
    ]);
    expect(result.lock.packages.find((p) => p.name === 'pytest')?.source).toEqual({ file: 'Pipfile.lock', line: 240, column: 9 });
  });

  it('reads a custom category under its own name and leaves path entries out with an info issue (2022.12.19)', () => {
    const result = parsePipfileLock(fixture('pipenv2022-category'));
    expect(result.requires).toEqual({ pythonFullVersion: '3.11.2' });
    expect(result.lock.pythonVersions).toEqual({ value: '3.11.2', source: { file: 'Pipfile.lock', line: 8, column: 13 } });
    expect(rows('pipenv2022-category')).toEqual([
      "click 8.1.3 main ; python_version >= '3.7'",
      "importlib-metadata 4.12.0 main ; python_version >= '3.7'",
      "markdown-it-py 2.1.0 main ; python_version >= '3.7'",
      "mdurl 0.1.2 main ; python_version >= '3.7'",
      "more-itertools 8.10.0 main ; python_version >= '3.5'",
      "pygments 2.14.0 main ; python_version >= '3.6'",
      'rich 13.3.1 main',
      "setuptools 66.1.1 main ; python_version >= '3.7'",
      "zipp 1.0.0 main ; python_version >= '2.7'",
      'docutils 0.19 docs',
      'roman 3.3 docs',
    ]);
    expect(result.issues).toEqual([
      {
        code: 'I_PIPFILE_LOCK_UNVERSIONED',
        severity: 'info',
        message: '"hello-lib" in "default" is an editable path dependency (./lib) without a locked version: pipenv installs it from there; pycrane leaves it out of the locked packages',
        source: { file: 'Pipfile.lock', line: 26, column: 9 },
      },
    ]);
  });

  it('skips file and path entries of pipenv 2024.0.1 and keeps their dependencies', () => {
    const result = parsePipfileLock(fixture('pipenv2024-path'));
    expect(rows('pipenv2024-path')).toEqual([
      "linkify-it-py 2.0.3 main ; python_version >= '3.7'",
      "markdown-it-py 3.0.0 main ; python_version >= '3.8'",
      "mdurl 0.1.2 main ; python_version >= '3.7'",
      "pygments 2.18.0 main ; python_version >= '3.8'",
      "rich 13.9.4 main ; python_full_version >= '3.8.0'",
      "uc-micro-py 1.0.3 main ; python_version >= '3.7'",
    ]);
    expect(result.issues.map((i) => [i.code, i.source?.line, i.message])).toEqual([
      [
        'I_PIPFILE_LOCK_UNVERSIONED',
        19,
        '"hello-cow" in "default" is a file dependency (./wheels/hello_cow-1.0.0-py3-none-any.whl) without a locked version: pipenv installs it from there; pycrane leaves it out of the locked packages',
      ],
      [
        'I_PIPFILE_LOCK_UNVERSIONED',
        34,
        '"local-pkg" in "default" is an editable path dependency (./lib) without a locked version: pipenv installs it from there; pycrane leaves it out of the locked packages',
      ],
    ]);
  });

  it('reads pipenv 2024.0.1 extras, markers, a custom category and python_full_version', () => {
    const result = parsePipfileLock(fixture('pipenv2024-full'));
    expect(result.requires).toEqual({ pythonFullVersion: '3.13.5' });
    const packages = result.lock.packages;
    expect(packages).toHaveLength(30);
    expect(packages.find((p) => p.name === 'pydantic')).toEqual({
      name: 'pydantic',
      version: '2.10.6',
      groups: ['main'],
      markers: "python_version >= '3.8'",
      source: { file: 'Pipfile.lock', line: 147, column: 9 },
    });
    // iniconfig is in develop and in the custom [test] category at one version.
    expect(packages.find((p) => p.name === 'iniconfig')?.groups).toEqual(['dev', 'test']);
    expect(packages.filter((p) => p.groups.includes('dev')).map((p) => p.name)).toEqual(['iniconfig', 'packaging', 'pluggy', 'pytest']);
  });

  it("gives a git entry its locked ref as version (pipenv 2026.8.0), and normalises the lock's names", () => {
    expect(rows('pipenv2026-git')).toContain('gitpkg ad9ce1a2314519c365cc30fee173374d44d55fe3 main');
    expect(rows('pipenv2026-git')).toContain("pygments 2.20.0 main+dev ; python_version >= '3.9'");
    expect(parsePipfileLock(fixture('pipenv2026-git')).issues.map((i) => i.code)).toEqual(['I_PIPFILE_LOCK_UNVERSIONED']);
    // pipenv 2026.8.0 writes the key as in the Pipfile: "typing.extensions".
    expect(fixture('pipenv2026-names')).toContain('"typing.extensions": {');
    expect(rows('pipenv2026-names')).toEqual([
      "blinker 1.9.0 main ; python_version >= '3.9'",
      "click 8.3.3 main ; python_version >= '3.10'",
      "flask 3.1.3 main ; python_version >= '3.9'",
      "itsdangerous 2.2.0 main ; python_version >= '3.8'",
      "jinja2 3.1.6 main ; python_version >= '3.7'",
      "linkify-it-py 2.2.0 main ; python_version >= '3.10'",
      "markdown-it-py 4.2.0 main ; python_version >= '3.10'",
      "markupsafe 3.0.3 main ; python_version >= '3.9'",
      "mdurl 0.1.2 main ; python_version >= '3.7'",
      "typing-extensions 4.16.0 main ; python_version < '3.15'",
      "uc-micro-py 2.0.0 main ; python_version >= '3.10'",
      "werkzeug 3.1.9 main ; python_version >= '3.9'",
      'iniconfig 2.1.0 dev',
      'packaging 26.2 dev',
      'pluggy 1.6.0 dev',
      'pygments 2.20.0 dev+lint',
      'pytest 9.1.1 dev',
    ]);
  });

  it('records the default source pipenv used for a Pipfile without [[source]]', () => {
    expect(parsePipfileLock(fixture('pipenv2022-nosource')).rawSources).toEqual([{ name: 'pypi', url: 'https://pypi.org/simple', verify_ssl: true }]);
    expect(parsePipfileLock(fixture('pipenv2024-nosource')).rawSources).toEqual([
      { name: 'pip_conf_index_global', url: 'http://127.0.0.1:3141/trixie/simple/', verify_ssl: false },
    ]);
  });

  it('accepts a lock without develop, with an info issue', () => {
    const result = parsePipfileLock('{"_meta": {"hash": {"sha256": "ab"}, "pipfile-spec": 6, "requires": {}, "sources": []},\n "default": {"Flask_Login": {"version": "==0.6.3"}}}');
    expect(result.hasDevelop).toBe(false);
    expect(result.lock.packages).toEqual([{ name: 'flask-login', version: '0.6.3', groups: ['main'], source: { file: 'Pipfile.lock', line: 2, column: 14 } }]);
    expect(result.issues.map((i) => [i.code, i.severity, i.source])).toEqual([['I_PIPFILE_LOCK_NO_DEVELOP', 'info', { file: 'Pipfile.lock', line: 1, column: 2 }]]);
  });

  it('warns about entries it cannot read and keeps the rest', () => {
    const text = JSON.stringify(
      { _meta: {}, default: { a: { version: '>=1' }, b: 'x', c: {}, d: { git: 'https://x/d.git' }, e: { version: '===2.0' } }, develop: [], docs: {} },
      null,
      4,
    );
    const result = parsePipfileLock(text);
    expect(result.lock.packages.map((p) => `${p.name} ${p.version}`)).toEqual(['e 2.0']);
    expect(result.issues.map((i) => `${i.code} ${i.source?.line}: ${i.message}`)).toEqual([
      'W_PIPFILE_LOCK_ENTRY 4: "a" in "default" has version ">=1", not an exact "==" pin: skipped',
      'W_PIPFILE_LOCK_ENTRY 7: "b" in "default" is not an object: skipped',
      'W_PIPFILE_LOCK_ENTRY 8: "c" in "default" has neither a version nor a git, path or file source: skipped',
      'I_PIPFILE_LOCK_UNVERSIONED 9: "d" in "default" is a git dependency (https://x/d.git) without a ref without a locked version: pipenv installs it from there; pycrane leaves it out of the locked packages',
      'W_PIPFILE_LOCK_ENTRY 16: "develop" in Pipfile.lock is not an object of packages: skipped',
      'I_PIPFILE_LOCK_NO_DEVELOP 2: Pipfile.lock has no "develop" category (pipenv lock always writes one, empty or not): read as no dev packages (pipenv reads it so too)',
    ]);
    expect(result.hash).toBeUndefined();
    expect(result.pipfileSpec).toBeUndefined();
  });

  it('reads a JSON value that is not an object as an empty lock, with a warning', () => {
    const result = parsePipfileLock('[]');
    expect(result.lock.packages).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual(['W_PIPFILE_LOCK_ENTRY', 'W_PIPFILE_LOCK_ENTRY']);
  });

  it('throws E_JSON_SYNTAX at the line and column of a syntax error', () => {
    const attempt = (text: string) => {
      try {
        parsePipfileLock(text);
      } catch (error) {
        if (error instanceof UserError) return { code: error.code, source: error.source, message: error.message };
      }
      return undefined;
    };
    expect(attempt('{\n  "_meta": {},\n  "default": {,}\n}')).toEqual({
      code: 'E_JSON_SYNTAX',
      source: { file: 'Pipfile.lock', line: 3, column: 15 },
      message: 'invalid JSON: unexpected ",", expected a property name in double quotes',
    });
    expect(attempt('{"default": {}}}')?.source).toEqual({ file: 'Pipfile.lock', line: 1, column: 16 });
    expect(attempt('{\n"a": [1,]\n}')?.source).toEqual({ file: 'Pipfile.lock', line: 2, column: 9 });
    expect(attempt('{"a":')?.message).toBe('invalid JSON: unexpected end of JSON, expected a value');
  });
});
