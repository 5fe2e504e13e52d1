import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeReader } from '../io/fs.js';
import { inspectProject } from './index.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const inspect = (name: string) => inspectProject(nodeReader(`${examples}${name}`));
/** The 1-based line of pyproject.toml that starts with `prefix` (the examples may still change). */
const lineOf = (name: string, prefix: string) =>
  readFileSync(`${examples}${name}/pyproject.toml`, 'utf8')
    .split('\n')
    .findIndex((l) => l.startsWith(prefix)) + 1;

describe.skipIf(!existsSync(examples))('inspect on the example projects', () => {
  it('seed-poetry1: Poetry 1 style, legacy dev-dependencies, flat package, lock by Poetry 1.3', async () => {
    const f = await inspect('seed-poetry1');
    expect(f.name?.value).toBe('myproject');
    expect(f.manager.value).toBe('poetry');
    expect(f.poetry?.style).toBe(1);
    expect(f.poetry?.version.value).toBe('1.3.2');
    expect(f.poetry?.version.source?.file).toBe('pyproject.toml'); // [tool.pycrane] poetry-version
    expect(f.python.constraints.map((c) => c.value)).toEqual(['>=3.9,<3.12']);
    expect(f.python.selected.value).toBe('3.11');
    expect(f.python.image.value).toBe('python:3.11-slim');
    expect(f.isPackage.value).toBe(true);
    expect(f.layout).toMatchObject({ kind: 'flat', packages: [{ include: 'myproject' }] });
    expect(f.groups.map((g) => [g.name, g.dependencies.map((d) => d.name)])).toEqual([
      ['main', ['hello-cow']],
      ['dev', ['pytest']],
    ]);
    expect(f.lock?.fresh).toBe(true);
    expect(f.lock?.lockVersion?.value).toBe('2.0');
    expect(f.indexes).toMatchObject([{ name: 'mirror', priority: 'default' }]);
    expect(f.config).toMatchObject({ buildNetwork: 'host', poetryVersion: '1.3.2', pipxVersion: '1.1.0' });
    expect(f.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('poetry2-cli: [project] + src layout + console script, Python capped at 3.13', async () => {
    const f = await inspect('poetry2-cli');
    expect(f.name?.value).toBe('hello-cli');
    expect(f.version?.value).toBe('1.4.2');
    expect(f.poetry).toMatchObject({ style: 2, version: { value: '2.1.2', source: { file: 'poetry.lock', line: 1 } } });
    expect(f.python.selected.value).toBe('3.13');
    expect(f.python.selected.source).toMatchObject({ file: 'pyproject.toml', line: lineOf('poetry2-cli', 'requires-python') });
    expect(f.scripts).toEqual([{ name: 'hello-cli', target: 'hello_cli.cli:main', source: { file: 'pyproject.toml', line: lineOf('poetry2-cli', 'hello-cli ='), column: 1 } }]);
    expect(f.layout).toMatchObject({ kind: 'src', packages: [{ include: 'hello_cli', from: 'src' }] });
    expect(f.groups[0]?.dependencies.map((d) => d.name)).toEqual(['click', 'rich', 'hello-cow']);
    expect(f.lock?.fresh).toBe(true);
    expect(f.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('poetry-app: package-mode = false, .python-version pins 3.13, command and port from [tool.pycrane]', async () => {
    const f = await inspect('poetry-app');
    expect(f.isPackage).toEqual({ value: false, source: { file: 'pyproject.toml', line: lineOf('poetry-app', 'package-mode'), column: 1 } });
    expect(f.python.selected).toEqual({ value: '3.13', source: { file: '.python-version', line: 1 } });
    expect(f.python.constraints.map((c) => c.value)).toEqual(['>=3.11', '3.13']);
    expect(f.files).toEqual(['pyproject.toml', 'poetry.lock', '.python-version']);
    expect(f.config).toMatchObject({ port: 8000, command: ['gunicorn', '--bind', '0.0.0.0:8000', '--workers', '2', 'app:app'] });
    expect(f.groups.map((g) => g.name)).toEqual(['main', 'dev']);
    expect(f.lock?.fresh).toBe(true);
    expect(f.scripts).toEqual([]);
  });
});
