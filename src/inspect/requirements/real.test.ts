import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryReader } from '../../core/reader.js';
import { readRequirementsFile, type RequirementLine } from './parse.js';

// Real files from public repositories: see each folder's README.md for repository, path and commit.
const fixtures = fileURLToPath(new URL('../__fixtures__/requirements/', import.meta.url));

function treeOf(folder: string): Record<string, string> {
  const root = join(fixtures, folder);
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name !== 'README.md') files[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}

async function real(folder: string, path: string) {
  const file = await readRequirementsFile(memoryReader(treeOf(folder)), path);
  if (!file) throw new Error(`${folder}/${path} missing`);
  return file;
}

const byName = (lines: readonly RequirementLine[], name: string) => lines.filter((l) => l.name === name);
const brief = (l: RequirementLine | undefined) => l && { name: l.name, specifier: l.specifier, pinned: l.pinned, markers: l.markers, url: l.url };

describe('real pip-compile files', () => {
  it('pypi/warehouse requirements/deploy.txt: hashes on continuation lines ended by # via comments', async () => {
    const file = await real('pip-compile-hashes', 'requirements/deploy.txt');
    expect(file.header).toEqual({
      tool: 'pip-compile',
      version: undefined,
      python: '3.14',
      command: 'pip-compile --allow-unsafe --generate-hashes --output-file=requirements/deploy.txt requirements/deploy.in',
      inputs: ['requirements/deploy.in'],
      source: { file: 'requirements/deploy.txt', line: 2 },
    });
    expect(file.requirements.map((r) => `${r.name}${r.specifier}`)).toEqual([
      'bytecode==0.18.1',
      'ddtrace==4.10.5',
      'envier==0.6.1',
      'gunicorn==26.0.0',
      'opentelemetry-api==1.43.0',
      'packaging==26.2',
      'typing-extensions==4.15.0',
      'wrapt==2.2.2',
    ]);
    expect(file.requirements.reduce((n, r) => n + r.hashes.length, 0)).toBe(155);
    expect(file.requirements[0]?.hashes).toEqual([
      'sha256:9535bfdd665260b2888ec4121569e3ca5106965a7fedbb6de6ba1bafebc5c7d7',
      'sha256:d9564f1565fe1ae6a1173e544ef43a85f093e83997ef45af65d0d250eb48d7a1',
    ]);
    expect(file.requirements[1]?.source).toEqual({ file: 'requirements/deploy.txt', line: 11 });
    expect(file.requirements[1]?.hashes).toHaveLength(53);
    expect([file.hashes, file.pinned, file.issues]).toEqual([true, true, []]);

    const input = await real('pip-compile-hashes', 'requirements/deploy.in');
    expect([input.requirements.map((r) => r.name), input.header, input.pinned]).toEqual([['gunicorn', 'ddtrace'], undefined, false]);
  });

  it('pypa/gh-action-pypi-publish: pip-compile run from requirements/, with an unsafe section', async () => {
    const runtime = await real('pip-compile', 'requirements/runtime.txt');
    expect(runtime.header).toMatchObject({
      tool: 'pip-compile',
      python: '3.12',
      command: 'pip-compile --allow-unsafe --config=../.pip-tools.toml --output-file=runtime.txt --strip-extras runtime.in',
      inputs: ['runtime.in'],
    });
    expect(runtime.requirements).toHaveLength(31);
    expect(brief(runtime.requirements.at(-1))).toEqual({ name: 'zipp', specifier: '==3.17.0', pinned: '3.17.0', markers: undefined, url: undefined });
    expect([runtime.hashes, runtime.pinned, runtime.issues]).toEqual([false, true, []]);

    const prerequisites = await real('pip-compile', 'requirements/runtime-prerequisites.txt');
    expect(prerequisites.requirements.map((r) => [r.name, r.pinned, r.source.line])).toEqual([
      ['pip-with-requires-python', '1.0.1', 7],
      ['pip', '24.0', 11],
    ]);

    const input = await real('pip-compile', 'requirements/runtime.in');
    expect(input.requirements.map((r) => [r.name, r.specifier])).toEqual([
      ['twine', undefined],
      ['id', '~=1.0'],
      ['requests', undefined],
    ]);
  });
});

describe('real uv files', () => {
  it('astral-sh/uv docs/requirements.txt: uv pip compile --universal with a marker', async () => {
    const file = await real('uv-pip-compile', 'docs/requirements.txt');
    expect(file.header).toEqual({
      tool: 'uv',
      version: undefined,
      python: '3.12',
      command: 'uv pip compile docs/requirements.in -o docs/requirements.txt --universal -p 3.12',
      inputs: ['docs/requirements.in'],
      source: { file: 'docs/requirements.txt', line: 1 },
    });
    expect(file.requirements).toHaveLength(46);
    expect(brief(byName(file.requirements, 'colorama')[0])).toEqual({
      name: 'colorama',
      specifier: '==0.4.6',
      pinned: '0.4.6',
      markers: "sys_platform == 'win32'",
      url: undefined,
    });
    expect([file.hashes, file.pinned, file.issues]).toEqual([false, true, []]);
  });

  it('prescient-design/jamun: uv export without the project, wheel URLs per platform', async () => {
    const file = await real('uv-export', 'env/requirements.txt');
    expect(file.header).toEqual({
      tool: 'uv',
      version: undefined,
      python: undefined,
      command: 'uv export --frozen --no-emit-project --no-hashes --output-file env/requirements.txt',
      inputs: [],
      source: { file: 'env/requirements.txt', line: 1 },
    });
    expect(file.requirements).toHaveLength(120);
    expect(byName(file.requirements, 'cftime').map((r) => [r.pinned, r.markers])).toEqual([
      ['1.6.2', "python_full_version >= '3.12'"],
      ['1.6.4.post1', "python_full_version < '3.12'"],
    ]);
    const cluster = byName(file.requirements, 'torch-cluster');
    expect(cluster.map((r) => r.pinned)).toEqual(['1.6.3', '1.6.3', '1.6.3', '1.6.3', '1.6.3+pt25cu121', '1.6.3+pt25cu121', '1.6.3+pt25cu121']);
    expect(brief(cluster[4])).toEqual({
      name: 'torch-cluster',
      specifier: undefined,
      pinned: '1.6.3+pt25cu121',
      markers: "python_full_version < '3.11' and sys_platform == 'linux'",
      url: 'https://data.pyg.org/whl/torch-2.5.0%2Bcu121/torch_cluster-1.6.3%2Bpt25cu121-cp310-cp310-linux_x86_64.whl',
    });
    expect([file.hashes, file.pinned, file.issues]).toEqual([false, true, []]);
  });

  it('agimus-project/happypose: uv export with editables, a VCS reference and an extra index', async () => {
    const file = await real('uv-export-project', 'requirements/cpu.txt');
    expect(file.header).toMatchObject({ tool: 'uv', command: 'uv export --no-hashes --extra cpu', inputs: [] });
    expect(file.requirements).toHaveLength(143);
    expect(file.requirements.slice(0, 2).map((r) => [r.name, r.url, r.editable])).toEqual([
      [undefined, '.', true],
      [undefined, './happypose/pose_estimators/cosypose', true],
    ]);
    expect(brief(byName(file.requirements, 'bop-toolkit-lib')[0])).toEqual({
      name: 'bop-toolkit-lib',
      specifier: undefined,
      pinned: undefined,
      markers: undefined,
      url: 'git+https://github.com/agimus-project/bop_toolkit@7c28057c741afed432b521735e184741e25b8d73',
    });
    expect(byName(file.requirements, 'torch').map((r) => [r.pinned, r.markers])).toEqual([
      ['2.6.0', "sys_platform == 'darwin'"],
      ['2.6.0+cpu', "sys_platform != 'darwin'"],
    ]);
    expect(file.extraIndexUrls).toEqual([{ value: 'https://download.pytorch.org/whl/cpu', source: { file: 'requirements/cpu.txt', line: 146 } }]);
    expect([file.indexUrl, file.hashes, file.pinned, file.issues]).toEqual([undefined, false, true, []]);
  });
});

describe('other real files', () => {
  it('pdm-project/pdm chatbot/requirements.txt: pdm export', async () => {
    const file = await real('pdm-export', 'chatbot/requirements.txt');
    expect(file.header).toEqual({
      tool: 'pdm',
      version: undefined,
      python: undefined,
      command: undefined,
      inputs: [],
      source: { file: 'chatbot/requirements.txt', line: 1 },
    });
    expect(file.requirements).toHaveLength(105);
    expect(byName(file.requirements, 'pyjwt')[0]).toMatchObject({ specifier: '==2.10.0', extras: ['crypto'] });
    expect(byName(file.requirements, 'pywin32')[0]?.markers).toBe('platform_system == "Windows"');
    expect([file.hashes, file.pinned, file.issues]).toEqual([false, true, []]);
  });

  it('aio-libs/aiohttp requirements/*.in: -r chains, files reached twice, markers with trailing comments', async () => {
    const test = await real('hand-written-includes', 'requirements/test.in');
    expect(test.includes).toEqual(['requirements/base.in', 'requirements/runtime-deps.in', 'requirements/test-common.in', 'requirements/test-common-base.in']);
    expect(test.requirements).toHaveLength(34);
    expect(test.requirements[0]).toMatchObject({ name: 'aiodns', specifier: '>=3.3.0', source: { file: 'requirements/runtime-deps.in', line: 3 } });
    expect(brief(byName(test.requirements, 'multidict')[0])?.specifier).toBe('>=4.5,<7.0');
    expect(byName(test.requirements, 'isal')[0]?.markers).toBe('python_version < "3.14" and implementation_name == "cpython"');
    expect(byName(test.requirements, 'uvloop')[0]?.markers).toBe('platform_system != "Windows" and implementation_name == "cpython"');
    expect(byName(test.requirements, 'proxy-py')[0]).toMatchObject({ specifier: '>=2.4.4rc5', url: undefined });
    expect([test.header, test.pinned, test.issues]).toEqual([undefined, false, []]);

    const all = await real('hand-written-includes', 'requirements/constraints.in');
    expect(all.includes).toEqual([
      'requirements/cython.in',
      'requirements/multidict.in',
      'requirements/dev.in',
      'requirements/lint.in',
      'requirements/test.in',
      'requirements/base.in',
      'requirements/runtime-deps.in',
      'requirements/test-common.in',
      'requirements/test-common-base.in',
      'requirements/doc.in',
      'requirements/doc-spelling.in',
    ]);
    expect(all.requirements).toHaveLength(63);
    expect(all.issues).toEqual([]);
  });

  it('home-assistant/core requirements_test.txt: -c and -r, generated constraint files', async () => {
    const file = await real('constraints', 'requirements_test.txt');
    expect(file.includes).toEqual(['requirements_test_pre_commit.txt']);
    expect(file.constraintFiles).toEqual(['homeassistant/package_constraints.txt']);
    expect(file.requirements).toHaveLength(49);
    expect(file.requirements[0]).toMatchObject({ name: 'aiohttp-asyncmdnsresolver', source: { file: 'requirements_test_pre_commit.txt', line: 3 } });
    expect(file.requirements[4]).toMatchObject({ name: 'ast-serialize', pinned: '0.3.0', source: { file: 'requirements_test.txt', line: 11 } });
    expect(file.constraints).toHaveLength(105);
    expect(brief(byName(file.constraints, 'typing-extensions')[0])?.specifier).toBe('>=4.12.2,<5.0');
    expect([file.header, file.pinned, file.issues]).toEqual([undefined, true, []]);

    const constraints = await real('constraints', 'homeassistant/package_constraints.txt');
    expect(constraints.header).toMatchObject({ tool: 'unknown', command: undefined, source: { line: 1 } });
    expect(constraints.pinned).toBe(false);
  });

  it('ASU-CodeDevils/sso.codedevils.org: requirements.txt -> requirements/production.txt -> base.txt', async () => {
    const file = await real('django-folder', 'requirements.txt');
    expect(file.includes).toEqual(['requirements/production.txt', 'requirements/base.txt']);
    expect(file.requirements).toHaveLength(28);
    expect(file.requirements.slice(-2).map((r) => [r.name, r.pinned, r.source.file])).toEqual([
      ['gunicorn', '20.0.4', 'requirements/production.txt'],
      ['django-anymail', '7.1.0', 'requirements/production.txt'],
    ]);
    expect(byName(file.requirements, 'celery')[0]).toMatchObject({ specifier: '==4.4.2', source: { file: 'requirements/base.txt', line: 11 } });
    expect([file.header, file.pinned, file.issues]).toEqual([undefined, true, []]);

    const local = await real('django-folder', 'requirements/local.txt');
    expect([local.includes, local.requirements.length, local.issues]).toEqual([['requirements/base.txt'], 46, []]);
  });

  it('pypa/pip docs and readthedocs docs: a bare `.` and a bare VCS URL', async () => {
    const pip = await real('bare-paths-urls', 'pip-docs/requirements.txt');
    expect(pip.requirements.map((r) => r.name ?? r.url)).toEqual([
      'sphinx',
      'towncrier',
      'furo',
      'myst-parser',
      'sphinx-copybutton',
      'sphinx-inline-tabs',
      'sphinxcontrib-towncrier',
      'sphinx-issues',
      '.',
    ]);
    expect(pip.requirements.slice(0, 2).map((r) => r.specifier)).toEqual(['~=7.0', '<24']);
    expect([pip.pinned, pip.issues]).toEqual([false, []]);

    const rtd = await real('bare-paths-urls', 'readthedocs-docs/docs.txt');
    expect(rtd.requirements).toHaveLength(17);
    expect(rtd.requirements.filter((r) => r.name === undefined).map(brief)).toEqual([
      { name: undefined, specifier: undefined, pinned: undefined, markers: undefined, url: 'git+https://github.com/readthedocs/sphinx-hoverxref@master' },
    ]);
    expect(byName(rtd.requirements, 'docutils')[0]?.pinned).toBe('0.14');
    expect([rtd.pinned, rtd.issues]).toEqual([true, []]);
  });
});
