import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { readPipfile } from './pipfile.js';

const fixture = (project: string) =>
  readFileSync(fileURLToPath(new URL(`../__fixtures__/pipfile/${project}/Pipfile`, import.meta.url)), 'utf8');
const at = (line: number, column = 1) => ({ file: 'Pipfile', line, column });

describe('readPipfile', () => {
  it('reads [packages], [dev-packages], [[source]], [requires] and [scripts] (pipenv2022-web)', () => {
    const facts = readPipfile(fixture('pipenv2022-web'));
    expect(facts.groups).toEqual([
      {
        name: 'main',
        optional: false,
        source: at(6),
        dependencies: [
          { name: 'flask', constraint: '*', optional: false, source: at(7) },
          { name: 'click', constraint: '==8.1.3', optional: false, source: at(8) },
          { name: 'httpx', constraint: '>=0.23', optional: false, source: at(9) },
          { name: 'colorama', constraint: '*', optional: false, source: at(10) },
          { name: 'typing-extensions', constraint: '*', optional: false, source: at(11) },
        ],
      },
      { name: 'dev', optional: false, source: at(13), dependencies: [{ name: 'pytest', constraint: '*', optional: false, source: at(14) }] },
    ]);
    expect(facts.sources).toEqual([{ name: 'lab', url: 'http://127.0.0.1:3141/bookworm/simple/', priority: undefined, source: at(1) }]);
    expect(facts.pythonVersion).toEqual({ value: '3.11', source: at(17) });
    expect(facts.pythonFullVersion).toBeUndefined();
    expect(facts.scripts).toEqual([
      { name: 'serve', command: 'flask --app app run', source: at(20) },
      { name: 'test', command: 'pytest -q', source: at(21) },
    ]);
    expect(facts.issues).toEqual([]);
  });

  it('reads a custom category as an optional group after dev, and python_full_version (pipenv2024-full)', () => {
    const facts = readPipfile(fixture('pipenv2024-full'));
    expect(facts.groups.map((g) => [g.name, g.optional, g.source?.line, g.dependencies.map((d) => `${d.name} ${d.constraint}`)])).toEqual([
      ['main', false, 6, ['flask *', 'pydantic >=2', 'typing-extensions *', 'httpx ==0.28.1']],
      ['dev', false, 12, ['pytest *']],
      ['test', true, 15, ['iniconfig *']],
    ]);
    expect(facts.pythonFullVersion).toEqual({ value: '3.13.5', source: at(19) });
    expect(facts.pythonVersion).toEqual(facts.pythonFullVersion);
    expect(facts.scripts).toEqual([{ name: 'web', command: 'flask --app app run --debug', source: at(22) }]);
  });

  it('describes git, path and file dependencies like the Poetry reader', () => {
    expect(readPipfile(fixture('pipenv2026-git')).groups[0]?.dependencies.map((d) => [d.name, d.constraint])).toEqual([
      ['app-core', 'path ./lib'],
      ['gitpkg', 'git file:///tmp/gitpkg'],
      ['click', '==8.3.3'],
    ]);
    expect(readPipfile(fixture('pipenv2024-path')).groups[0]?.dependencies.map((d) => [d.name, d.constraint])).toEqual([
      ['local-pkg', 'path ./lib'],
      ['hello-cow', 'file ./wheels/hello_cow-1.0.0-py3-none-any.whl'],
    ]);
  });

  it('says when there is no [[source]], and always has a main group', () => {
    const facts = readPipfile(fixture('pipenv2022-nosource'));
    expect(facts.sources).toEqual([]);
    expect(facts.issues).toEqual([
      {
        code: 'I_PIPFILE_NO_SOURCE',
        severity: 'info',
        message: "Pipfile has no [[source]]: pipenv installs from pip's configured index-url (pip.conf, PIP_INDEX_URL) or PyPI, and the lock's hash depends on which",
        source: { file: 'Pipfile', line: 1 },
      },
    ]);
    expect(readPipfile('[requires]\npython_version = "3.12"\n').groups).toEqual([{ name: 'main', optional: false, dependencies: [], source: undefined }]);
  });

  it('reads the three script forms pipenv knows', () => {
    const facts = readPipfile(
      ['[[source]]', 'name = "x"', 'url = "https://x/simple"', 'verify_ssl = true', '[scripts]', 'a = "pytest -x"', 'b = {call = "pkg.mod:run"}', 'c = {call = "pkg:go(1)"}', 'd = ["ruff check .", "pytest"]', 'e = 1', ''].join('\n'),
    );
    expect(facts.scripts.map((s) => [s.name, s.command])).toEqual([
      ['a', 'pytest -x'],
      ['b', 'python -c "import pkg.mod as _m; _m.run()"'],
      ['c', 'python -c "import pkg as _m; _m.go(1)"'],
      ['d', 'ruff check . && pytest'],
    ]);
    expect(facts.issues.map((i) => [i.code, i.source?.line])).toEqual([['W_PIPFILE_ENTRY', 10]]);
  });

  it('a call with parentheses on one line is kept as written, in linear time on a run of them', () => {
    const commands = (calls: readonly string[]) =>
      readPipfile(['[scripts]', ...calls.map((call, i) => `s${i} = {call = ${JSON.stringify(`pkg:${call}`)}}`), ''].join('\n')).scripts.map((s) => s.command.slice('python -c "import pkg as _m; _m.'.length, -1));
    expect(commands(['f(()', 'f)(', 'f(\n)', 'f((\n))', 'f(a)(b'])).toEqual(['f(()', 'f)(()', 'f(\n)()', 'f((\n))()', 'f(a)(b']);
    const opens = '('.repeat(200_000);
    expect(commands([`f${opens}`, `f${opens})`])).toEqual([`f${opens}()`, `f${opens})`]);
  });

  it('warns about what pipenv would refuse or ignore', () => {
    const facts = readPipfile(
      [
        '[[source]]',
        'url = "https://x/simple"',
        '',
        '[packages]',
        'a = {version = "*", optional = true}',
        'b = true',
        '',
        '[requires]',
        'python_version = "3.12"',
        'python_full_version = "3.11.4"',
        '',
      ].join('\n'),
    );
    expect(facts.groups[0]?.dependencies.map((d) => d.name)).toEqual(['a']);
    expect(facts.sources).toEqual([]);
    expect(facts.pythonVersion?.value).toBe('3.12');
    expect(facts.issues.map((i) => `${i.code} ${i.source?.line}: ${i.message}`)).toEqual([
      'W_PIPFILE_UNKNOWN_OPTION 5: "a" in [packages] has "optional", which pipenv does not know (pipenv 2026 refuses the Pipfile)',
      'W_PIPFILE_ENTRY 6: "b" in [packages] is neither a version string nor a table: ignored',
      'W_PIPFILE_PYTHON_MISMATCH 10: [requires] python_full_version "3.11.4" is not a 3.12 version: pipenv uses python_full_version',
      'W_PIPFILE_SOURCE 1: a [[source]] without name: ignored (pipenv needs name, url and verify_ssl)',
    ]);
  });

  it('ignores top-level keys that are not tables, and the [pipenv], [pipfile] and [build-system] tables', () => {
    const facts = readPipfile('stray = 1\n[pipenv]\nallow_prereleases = true\n[pipfile]\n[build-system]\n[packages]\n');
    expect(facts.groups.map((g) => g.name)).toEqual(['main']);
    expect(facts.issues.map((i) => i.code)).toEqual(['W_PIPFILE_ENTRY', 'I_PIPFILE_NO_SOURCE']);
  });

  it('throws the UserError of parseToml at Pipfile:line:col for malformed TOML', () => {
    expect(() => readPipfile('[packages]\nflask = "*\n')).toThrow(UserError);
    try {
      readPipfile('[packages]\nflask = "*\n');
    } catch (error) {
      expect((error as UserError).code).toBe('E_TOML_SYNTAX');
      expect((error as UserError).source?.file).toBe('Pipfile');
      expect((error as UserError).source?.line).toBe(2);
    }
  });
});
