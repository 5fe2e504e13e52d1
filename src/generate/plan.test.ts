import { describe, expect, it } from 'vitest';
import { fact } from '../core/location.js';
import { UserError } from '../core/errors.js';
import { normaliseName, planSetup } from './plan.js';
import { poetryFacts } from './testing/facts.js';

const options = { directoryName: 'My Project' };

describe('planSetup', () => {
  it('starts a package from its console script, with --help as the default arguments', () => {
    const plan = planSetup(poetryFacts(), options);
    expect(plan.start).toMatchObject({ entrypoint: ['/opt/venv/bin/hello-cli'], cmd: ['--help'], stopSignal: 'SIGINT' });
    expect(plan).toMatchObject({
      name: 'hello_cli',
      baseImage: 'python:3.13-slim',
      poetryVersion: '2.1.2',
      poetryMajor: 2,
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
    expect(plan.pipxVersion).toBe('1.1.0');
    expect(plan.devPythonPath).toBe('/srv/src');
  });

  it('prunes the venv seed packages the lock does not ask for', () => {
    expect(planSetup(poetryFacts(), options).pruneFromVenv).toEqual(['pip', 'setuptools', 'wheel']);
    const base = poetryFacts();
    const lock = base.lock && {
      ...base.lock,
      packages: [{ name: 'setuptools', version: '78.1.1', groups: ['main'], source: undefined }],
    };
    expect(planSetup(poetryFacts({ lock }), options).pruneFromVenv).toEqual(['pip', 'wheel']);
  });

  it('refuses a project without a lock, naming the fix', () => {
    expect(() => planSetup(poetryFacts({ lock: undefined }), options)).toThrow(UserError);
    expect(() => planSetup(poetryFacts({ lock: undefined }), options)).toThrow(/poetry.lock is missing/);
  });

  it('refuses managers it cannot generate for yet', () => {
    const facts = poetryFacts({ manager: fact('uv', { file: 'uv.lock', line: 1 }), poetry: undefined });
    expect(() => planSetup(facts, options)).toThrow(/this project uses uv/);
  });
});

describe('normaliseName', () => {
  it.each([
    ['Hello_CLI', 'hello_cli'],
    ['My Project', 'my-project'],
    ['--x--', 'x'],
    ['***', 'app'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });
});
