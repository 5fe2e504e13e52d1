import { describe, expect, it } from 'vitest';
import type { ImageDetails } from '../engine.js';
import { sizeReport } from './size.js';
import { evaluateVerify, parseConfigUser, parseProbeOutput, type ProbeOutput, type VerifyObservations } from './verify-eval.js';

const image: ImageDetails = {
  id: 'sha256:app',
  repoTags: ['hello:1'],
  created: '',
  size: 120e6,
  user: '10001:10001',
  env: ['PATH=/opt/venv/bin:/usr/bin', 'VIRTUAL_ENV=/opt/venv'],
  entrypoint: undefined,
  cmd: ['python', '/app/app.py'],
  workingDir: '/app',
  labels: {},
  stopSignal: undefined,
  layers: ['l1', 'l2'],
};

const venv = {
  path: '/opt/venv',
  exists: true,
  broken: [],
  links: [{ name: 'python', target: '/usr/local/bin/python', realpath: '/usr/bin/python3.13', ok: true }],
  cfg: { home: '/usr/local/bin', version: '3.13.5', executable: '/usr/bin/python3.13' },
  homeExists: true,
  executableExists: true,
  libs: ['python3.13'],
  runningMinor: 'python3.13',
  sitePackages: true,
  runningInside: true,
};

const userProbe: ProbeOutput = {
  uid: 10001,
  user: 'app',
  python: '3.13.5',
  executables: [],
  caches: { found: [], unreadable: ['/root'] },
  venv,
  dependencies: { packages: [{ name: 'hello-cow', locked: '1.0.0', installed: '1.0.0', modules: [{ module: 'hello', ok: true }] }] },
};

function observations(over: Partial<VerifyObservations> = {}): VerifyObservations {
  return {
    image,
    history: [{ id: 'x', createdBy: 'COPY /opt/venv /opt/venv # buildkit', size: 10e6, comment: '' }],
    userProbe: { output: userProbe, error: undefined },
    rootProbe: { output: { caches: { found: [], unreadable: [] } }, error: undefined },
    start: { command: ['python', '/app/app.py'], state: 'running', exitCode: undefined, graceMs: 2000, logs: '', error: undefined, stop: { durationMs: 200, exitCode: 0, timeoutSeconds: 5 } },
    probeCommand: undefined,
    expected: [{ name: 'hello-cow', version: '1.0.0' }],
    size: sizeReport(image, [], undefined, undefined),
    ...over,
  };
}

const failing = (o: VerifyObservations) => evaluateVerify(o).filter((c) => c.status === 'fail').map((c) => c.id);
const status = (o: VerifyObservations, id: string) => evaluateVerify(o).find((c) => c.id === id)?.status;

describe('evaluateVerify', () => {
  it('passes a good image', () => {
    expect(failing(observations())).toEqual([]);
    expect(evaluateVerify(observations()).map((c) => c.id)).toEqual([
      'user', 'no-sudo', 'no-compilers', 'no-package-managers', 'no-caches', 'dependencies', 'entrypoint', 'health', 'stop', 'venv', 'no-credentials', 'size',
    ]);
  });

  it('fails root, named and uid-0 users', () => {
    expect(failing(observations({ image: { ...image, user: '' }, userProbe: { output: { ...userProbe, uid: 0 }, error: undefined } }))).toEqual(['user']);
    expect(failing(observations({ image: { ...image, user: 'app' } }))).toEqual(['user']);
    expect(failing(observations({ userProbe: { output: { ...userProbe, uid: 0 }, error: undefined } }))).toEqual(['user']);
  });

  it('fails on sudo, compilers and package managers separately', () => {
    const withExe = (kind: string, name: string) => observations({ userProbe: { output: { ...userProbe, executables: [{ kind, name, path: `/usr/bin/${name}`, realpath: `/usr/bin/${name}` }] }, error: undefined } });
    expect(failing(withExe('sudo', 'sudo'))).toEqual(['no-sudo']);
    expect(failing(withExe('compiler', 'gcc-12'))).toEqual(['no-compilers']);
    expect(failing(withExe('tool', 'poetry'))).toEqual(['no-package-managers']);
  });

  it('fails on caches found by either probe', () => {
    const cache = { found: [{ path: '/root/.cache/pip', bytes: 5e6, files: 30 }], unreadable: [] };
    const checks = evaluateVerify(observations({ rootProbe: { output: { caches: cache }, error: undefined } }));
    expect(checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['no-caches']);
    expect(checks.find((c) => c.id === 'no-caches')?.evidence).toEqual(['/root/.cache/pip: 30 files, 5.0MB']);
  });

  it('fails on missing, wrong-version and unimportable dependencies; skips without a lock', () => {
    const deps = (packages: NonNullable<NonNullable<ProbeOutput['dependencies']>['packages']>) => observations({ userProbe: { output: { ...userProbe, dependencies: { packages } }, error: undefined } });
    expect(failing(deps([{ name: 'hello-cow', locked: '1.0.0', installed: null }]))).toEqual(['dependencies']);
    expect(failing(deps([{ name: 'hello-cow', locked: '1.0.0', installed: '0.9', modules: [] }]))).toEqual(['dependencies']);
    expect(failing(deps([{ name: 'hello-cow', locked: '1.0.0', installed: '1.0.0', modules: [{ module: 'hello', ok: false, error: 'ImportError: x' }] }]))).toEqual(['dependencies']);
    expect(failing(deps([{ name: 'x', locked: '1.0', installed: '1.0.0', modules: [] }]))).toEqual([]);
    expect(status(observations({ expected: undefined }), 'dependencies')).toBe('skip');
    const windowsOnly = deps([
      { name: 'hello-cow', locked: '1.0.0', installed: '1.0.0', modules: [] },
      { name: 'colorama', locked: '0.4.6', markers: 'platform_system == "Windows"', applies: false },
    ]);
    expect(failing(windowsOnly)).toEqual([]);
    expect(evaluateVerify(windowsOnly).find((c) => c.id === 'dependencies')?.evidence).toContain('colorama: not for this image (platform_system == "Windows")');
    expect(failing(deps([{ name: 'colorama', locked: '0.4.6', markers: 'os_name == "posix"', applies: true, installed: null }]))).toEqual(['dependencies']);
  });

  it('fails a broken venv and then skips the dependency check', () => {
    const broken = { ...venv, cfg: { ...venv.cfg, version: '3.11.2' }, executableExists: false, sitePackages: false, libs: ['python3.11'] };
    const o = observations({ userProbe: { output: { ...userProbe, venv: broken, dependencies: { packages: [{ name: 'hello-cow', locked: '1.0.0', installed: null }] } }, error: undefined } });
    expect(failing(o)).toEqual(['venv']);
    expect(status(o, 'dependencies')).toBe('skip');
    const evidence = evaluateVerify(o).find((c) => c.id === 'venv')?.evidence.join('\n') ?? '';
    expect(evidence).toMatch(/made by Python 3.11.2 but its interpreter is Python 3.13.5/);
  });

  it('fails when the image python does not start at all', () => {
    const o = observations({ userProbe: { output: undefined, error: '/opt/venv/bin/python exited 127: no such file' } });
    expect(failing(o)).toContain('venv');
  });

  it('judges start, probe command and stop', () => {
    const exited = (code: number) => observations({ start: { command: ['app'], state: 'exited', exitCode: code, graceMs: 2000, logs: 'Traceback', error: undefined, stop: undefined } });
    expect(failing(exited(0))).toEqual([]);
    expect(status(exited(0), 'stop')).toBe('skip');
    expect(failing(exited(1))).toEqual(['entrypoint']);
    const cli = (exitCode: number) => observations({ probeCommand: { args: ['--help'], configured: false, exitCode, output: 'usage', timedOut: false } });
    expect(failing(cli(0))).toEqual([]);
    expect(failing(cli(2))).toEqual(['entrypoint']);
    const slow = observations({ start: { command: ['/bin/sh', '-c', 'a && b'], state: 'running', exitCode: undefined, graceMs: 2000, logs: '', error: undefined, stop: { durationMs: 5200, exitCode: 137, timeoutSeconds: 5 } } });
    expect(failing(slow)).toEqual(['stop']);
    expect(evaluateVerify(slow).find((c) => c.id === 'stop')?.hint).toMatch(/exec form/);
  });

  it('fails on credentials in ENV, and on a size budget', () => {
    expect(failing(observations({ image: { ...image, env: [...image.env, 'API_TOKEN=abc123xyz'] } }))).toEqual(['no-credentials']);
    expect(failing(observations({ size: sizeReport(image, [], undefined, 100e6) }))).toEqual(['size']);
  });
});

describe('helpers', () => {
  it('parses config users', () => {
    expect(parseConfigUser('')).toMatchObject({ root: true });
    expect(parseConfigUser('10001:10001')).toMatchObject({ uid: 10001, numeric: true, root: false });
    expect(parseConfigUser('0')).toMatchObject({ root: true });
    expect(parseConfigUser('app:app')).toMatchObject({ numeric: false, root: false, name: 'app' });
  });
  it('finds the probe line among noise', () => {
    expect(parseProbeOutput('noise\nPYCRANE-PROBE {"uid":5}\n', 'PYCRANE-PROBE ')).toEqual({ uid: 5 });
    expect(parseProbeOutput('PYCRANE-PROBE {bad', 'PYCRANE-PROBE ')).toBeUndefined();
  });
});
