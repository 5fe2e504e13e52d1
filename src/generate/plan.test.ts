import { describe, expect, it } from 'vitest';
import { fact } from '../core/location.js';
import { buildNetworkOf, normaliseName, planSetup } from './plan.js';
import { poetryFacts } from './testing/facts.js';

const options = { directoryName: 'My Project' };

describe('planSetup', () => {
  it('starts a package from its console script, with --help as the default arguments', () => {
    const plan = planSetup(poetryFacts(), options);
    expect(plan.start).toMatchObject({ entrypoint: ['/opt/venv/bin/hello-cli'], cmd: ['--help'], stopSignal: 'SIGINT' });
    expect(plan).toMatchObject({
      name: 'hello_cli',
      baseImage: 'python:3.13-slim',
      isPackage: true,
      devGroups: ['dev'],
      devPythonPath: '/app/src',
      user: { name: 'app', uid: 10001, gid: 10001 },
      devUser: { name: 'dev', uid: 1000, gid: 1000 },
    });
  });

  it('prefers [tool.pycrane] command over a console script', () => {
    const facts = poetryFacts({ config: { command: ['gunicorn', 'app:app'] } });
    expect(planSetup(facts, options).start).toMatchObject({ entrypoint: undefined, cmd: ['gunicorn', 'app:app'], stopSignal: undefined });
  });

  it('falls back to python -m for a package with __main__.py, then to python', () => {
    const facts = poetryFacts({ scripts: [] });
    const withMain = poetryFacts({ scripts: [], layout: { ...facts.layout, mainModules: ['myproject'] } });
    expect(planSetup(withMain, options).start.entrypoint).toEqual([
      'python',
      '-m',
      'myproject',
    ]);
    expect(planSetup(facts, options).start).toMatchObject({ entrypoint: undefined, cmd: ['python'] });
  });

  it('ignores console scripts of a package-mode = false project (Poetry does not install them)', () => {
    const facts = poetryFacts({ isPackage: fact(false, { file: 'pyproject.toml', line: 9 }) });
    expect(planSetup(facts, options).start.cmd).toEqual(['python']);
  });

  it('takes users, apt packages and versions from [tool.pycrane]', () => {
    const plan = planSetup(
      poetryFacts({
        config: {
          user: { uid: 2000 },
          devUser: { name: 'me', gid: 20 },
          apt: { runtime: ['libpq5'], dev: ['git', 'make'] },
          pipxVersion: '1.1.0',
          workdir: '/srv',
        },
      }),
      options,
    );
    expect(plan.user).toEqual({ name: 'app', uid: 2000, gid: 10001 });
    expect(plan.devUser).toEqual({ name: 'me', uid: 1000, gid: 20 });
    expect(plan.apt).toEqual({ build: [], runtime: ['libpq5'], dev: ['git', 'libpq5', 'make', 'sudo'] });
    expect(plan.manager.builder.args).toContainEqual(['PIPX_VERSION', '1.1.0']);
    expect(plan.devPythonPath).toBe('/srv/src');
  });

  it('prunes the venv seed packages the lock does not ask for', () => {
    expect(planSetup(poetryFacts(), options).manager.pruneFromVenv).toEqual(['pip', 'setuptools', 'wheel']);
    const base = poetryFacts();
    const lock = base.lock && {
      ...base.lock,
      packages: [{ name: 'setuptools', version: '78.1.1', groups: ['main'], source: undefined }],
    };
    expect(planSetup(poetryFacts({ lock }), options).manager.pruneFromVenv).toEqual(['pip', 'wheel']);
  });

  it('installs an unlocked Poetry project from pyproject.toml alone (Poetry resolves on build day)', () => {
    const plan = planSetup(poetryFacts({ lock: undefined }), options);
    expect(plan.manager.dependencyFiles).toEqual(['pyproject.toml']);
    expect(plan.manager.installDependencies?.commands).toEqual(['poetry install --no-root --only main']);
  });

  it('takes the Poetry pin, the sync command and the lock files from the Poetry unit', () => {
    const plan = planSetup(poetryFacts(), options);
    expect(plan.manager).toMatchObject({ id: 'poetry', lockName: 'poetry.lock', dependencyFiles: ['pyproject.toml', 'poetry.lock'], devSync: 'poetry sync --no-root --with dev' });
    expect(plan.manager.builder.args).toContainEqual(['POETRY_VERSION', '2.1.2']);
    const poetry1 = planSetup(poetryFacts({ tool: { name: 'poetry', version: fact('1.3.2', undefined) } }), options);
    expect(poetry1.manager.devSync).toBe('poetry install --sync --no-root --with dev');
  });
});

describe('normaliseName', () => {
  it.each([
    ['Hello_CLI', 'hello_cli'],
    ['My Project', 'my-project'],
    ['--x--', 'x'],
    ['***', 'app'],
    ['_a-b_', 'a-b'],
    ['a.b', 'a-b'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });
  it('trims long runs of dashes and underscores in linear time', () => {
    const run = '-_'.repeat(100_000);
    expect(normaliseName(`${run}my${run}app${run}x`)).toBe(`my${run}app${run}x`);
    expect(normaliseName(`a${run}.`)).toBe('a');
  });
});

describe('buildNetworkOf', () => {
  const index = (url: string) => ({ name: 'mirror', url, priority: 'primary', source: undefined });
  it('is host for an index on the loopback, none for one elsewhere, and the config wins', () => {
    expect(buildNetworkOf(poetryFacts({ indexes: [index('http://127.0.0.1:3141/trixie/simple/')] }))).toBe('host');
    expect(buildNetworkOf(poetryFacts({ indexes: [index('http://user:pw@localhost/simple')] }))).toBe('host');
    expect(buildNetworkOf(poetryFacts({ indexes: [index('https://pypi.example.com/simple/')] }))).toBeUndefined();
    expect(buildNetworkOf(poetryFacts({ indexes: [index('http://127.0.0.1.example.com/simple/')] }))).toBeUndefined();
    expect(buildNetworkOf(poetryFacts({ indexes: [index('http://127.0.0.1:3141/simple/')], config: { buildNetwork: 'default' } }))).toBe('default');
  });
});
