import { describe, expect, it } from 'vitest';
import { DockerCli } from './docker-cli.js';
import { parseVerifyConfig } from './pure/config.js';
import { PROBE_MARKER } from './pure/probe-script.js';
import { fakeExec } from './testing/fake-exec.js';
import { verifyImage } from './verify.js';

const imageJson = (id: string, layers: string[], extra: Record<string, unknown> = {}) => ({
  Id: id,
  RepoTags: id === 'sha256:app' ? ['hello:1'] : ['python:3.13-slim', 'python:latest'],
  Size: id === 'sha256:app' ? 130e6 : 111e6,
  Config: { User: id === 'sha256:app' ? '10001:10001' : '', Env: ['PATH=/opt/venv/bin:/usr/bin', 'VIRTUAL_ENV=/opt/venv'], Entrypoint: null, Cmd: ['python', '/app/app.py'], Labels: {}, ...extra },
  RootFS: { Layers: layers },
});

const probeOut = (mode: string) =>
  `${PROBE_MARKER}${JSON.stringify(
    mode === 'root'
      ? { mode, uid: 0, caches: { found: [], unreadable: [] } }
      : {
          mode,
          uid: 10001,
          python: '3.13.5',
          executables: [],
          caches: { found: [], unreadable: ['/root'] },
          venv: { path: '/opt/venv', exists: true, broken: [], links: [], cfg: { version: '3.13.5' }, libs: ['python3.13'], runningMinor: 'python3.13', sitePackages: true, runningInside: true },
          dependencies: { packages: [{ name: 'hello-cow', locked: '1.0.0', installed: '1.0.0', modules: [{ module: 'hello', ok: true }] }] },
        },
  )}\n`;

describe('verifyImage', () => {
  it('runs the probes, the start/stop and the base lookup as argv, then judges', async () => {
    let inspections = 0;
    const fake = fakeExec()
      .on('docker version', { stdout: '20.10.24\n' })
      .on('docker buildx version', { stdout: 'b\n' })
      .on('docker compose version --short', { stdout: '2.26.1\n' })
      .on('docker image inspect hello:1', { stdout: JSON.stringify([imageJson('sha256:app', ['l1', 'l2'])]) })
      .on('docker image inspect python:3.13-slim', { stdout: JSON.stringify([imageJson('sha256:base', ['l1'])]) })
      .on('docker history', { stdout: `${JSON.stringify({ ID: 'sha256:app', CreatedBy: 'COPY /opt/venv /opt/venv # buildkit', Size: '19000000' })}\n${JSON.stringify({ ID: '<missing>', CreatedBy: '', Size: '111000000' })}\n` })
      .on((call) => call.args.includes('--entrypoint') && call.args.includes('root'), { stdout: probeOut('root') })
      .on((call) => call.args.includes('--entrypoint') && call.args.includes('user'), { stdout: probeOut('user') })
      .on('docker run --detach', { stdout: 'cid\n' })
      .on('docker container inspect', () => {
        inspections += 1;
        const running = inspections < 3;
        return { stdout: JSON.stringify([{ State: { Status: running ? 'running' : 'exited', Running: running, ExitCode: running ? 0 : 0, StartedAt: '', FinishedAt: '' } }]) };
      })
      .on('docker stop', {})
      .on('docker rm', {});
    const report = await verifyImage(new DockerCli({ exec: fake.exec, env: {} }), {
      image: 'hello:1',
      expected: [{ name: 'hello-cow', version: '1.0.0' }],
      dockerfileBase: 'python:3.13-slim',
      config: parseVerifyConfig({}).config,
      graceMs: 50,
    });
    // The image has no HEALTHCHECK: nothing to probe, and no --health-interval on the run.
    expect(report.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}:${c.status}`)).toEqual(['health:skip']);
    expect(report.verdict).toBe('pass');
    expect(report.size).toMatchObject({ total: 130e6, overBase: 19e6, base: { ref: 'python:3.13-slim', how: 'dockerfile' } });

    const lines = fake.lines();
    const user = fake.calls.find((c) => c.args.includes('user') && c.args.includes('--entrypoint'));
    expect(user?.args.slice(0, 8)).toEqual(['run', '--rm', '--network', 'none', '--label', 'org.pycrane.verify=probe', '--entrypoint', '/opt/venv/bin/python']);
    expect(user?.args.at(-1)).toBe(JSON.stringify({ packages: [{ name: 'hello-cow', version: '1.0.0' }] }));
    const root = fake.calls.find((c) => c.args.includes('root') && c.args.includes('--entrypoint'));
    expect(root?.args).toEqual(expect.arrayContaining(['--user', '0:0']));
    const detach = lines.find((l) => l.startsWith('docker run --detach'));
    expect(detach).toMatch(/^docker run --detach --name pycrane-verify-[0-9a-f]{12} --label org.pycrane.verify=start sha256:app$/);
    const name = detach?.split(' ')[4] ?? '';
    expect(lines).toContain(`docker stop --time 5 ${name}`);
    expect(lines).toContain(`docker rm --force --volumes ${name}`);
    // No --help probe: the image has no ENTRYPOINT.
    expect(lines.some((l) => l.includes('--help'))).toBe(false);
  });

  it("runs the image's HEALTHCHECK every second in the started container and stops it once healthy", async () => {
    const healthcheck = { Test: ['CMD', 'python3', '-c', 'import urllib.request as u; u.urlopen("http://127.0.0.1:8000/health")'], Interval: 30e9, Timeout: 3e9, StartPeriod: 10e9, Retries: 3 };
    const states = [
      { Status: 'running', Running: true, Health: { Status: 'starting', FailingStreak: 1, Log: [{ ExitCode: 1, Output: 'Connection refused' }] } },
      { Status: 'running', Running: true, Health: { Status: 'healthy', FailingStreak: 0, Log: [{ ExitCode: 1, Output: 'Connection refused' }, { ExitCode: 0, Output: '' }] } },
    ];
    let inspections = 0;
    const fake = fakeExec()
      .on('docker version', { stdout: '20.10.24\n' })
      .on('docker buildx version', { stdout: 'b\n' })
      .on('docker compose version --short', { stdout: '2.26.1\n' })
      .on('docker image inspect hello:1', { stdout: JSON.stringify([imageJson('sha256:app', ['l1', 'l2'], { Healthcheck: healthcheck })]) })
      .on('docker image inspect python:3.13-slim', { stdout: JSON.stringify([imageJson('sha256:base', ['l1'])]) })
      .on('docker history', { stdout: '' })
      .on((call) => call.args.includes('--entrypoint') && call.args.includes('root'), { stdout: probeOut('root') })
      .on((call) => call.args.includes('--entrypoint') && call.args.includes('user'), { stdout: probeOut('user') })
      .on('docker run --detach', { stdout: 'cid\n' })
      .on('docker container inspect', () => {
        const stopped = inspections >= 4;
        const state = stopped ? { Status: 'exited', Running: false, ExitCode: 0 } : (states[Math.min(inspections, 1)] ?? {});
        inspections += 1;
        return { stdout: JSON.stringify([{ State: { ExitCode: 0, StartedAt: '', FinishedAt: '', ...state } }]) };
      })
      .on('docker stop', {})
      .on('docker rm', {});
    const report = await verifyImage(new DockerCli({ exec: fake.exec, env: {} }), { image: 'hello:1', expected: undefined, dockerfileBase: 'python:3.13-slim', config: parseVerifyConfig({}).config, graceMs: 10 });
    const health = report.checks.find((c) => c.id === 'health');
    expect(health?.status, JSON.stringify(health)).toBe('pass');
    expect(health?.evidence[0]).toBe(`HEALTHCHECK ${JSON.stringify(healthcheck.Test.slice(1))} (interval 30 s, timeout 3 s, start period 10 s, retries 3)`);
    expect(health?.evidence[2]).toBe('last check exited 0 (no output)');
    expect(report.checks.map((c) => c.id).slice(6, 9)).toEqual(['entrypoint', 'health', 'stop']);
    const detach = fake.lines().find((l) => l.startsWith('docker run --detach'));
    expect(detach).toMatch(/^docker run --detach --name pycrane-verify-[0-9a-f]{12} --health-interval 1s --label org.pycrane.verify=start sha256:app$/);
    expect(fake.lines().filter((l) => l.startsWith('docker stop'))).toHaveLength(1);
  });

  it('skips the health check, with a note, when the app exits before it passes (its services are missing)', async () => {
    let inspections = 0;
    const fake = fakeExec()
      .on('docker version', { stdout: '20.10.24\n' })
      .on('docker buildx version', { stdout: 'b\n' })
      .on('docker compose version --short', { stdout: '2.26.1\n' })
      .on('docker image inspect hello:1', { stdout: JSON.stringify([imageJson('sha256:app', ['l1', 'l2'], { Healthcheck: { Test: ['CMD-SHELL', 'exit 0'] } })]) })
      .on('docker image inspect python:3.13-slim', { stdout: JSON.stringify([imageJson('sha256:base', ['l1'])]) })
      .on('docker history', { stdout: '' })
      .on((call) => call.args.includes('--entrypoint') && call.args.includes('root'), { stdout: probeOut('root') })
      .on((call) => call.args.includes('--entrypoint') && call.args.includes('user'), { stdout: probeOut('user') })
      .on('docker run --detach', { stdout: 'cid\n' })
      .on('docker container inspect', () => {
        inspections += 1;
        const running = inspections < 2;
        return { stdout: JSON.stringify([{ State: { Status: running ? 'running' : 'exited', Running: running, ExitCode: running ? 0 : 3, StartedAt: '', FinishedAt: '', Health: { Status: 'starting', FailingStreak: 0, Log: [] } } }]) };
      })
      .on('docker logs', { stdout: 'psycopg.OperationalError: could not translate host name "db"\n' })
      .on('docker rm', {});
    const report = await verifyImage(new DockerCli({ exec: fake.exec, env: {} }), { image: 'hello:1', expected: undefined, dockerfileBase: 'python:3.13-slim', config: parseVerifyConfig({}).config, graceMs: 10 });
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    expect(byId.health?.status).toBe('skip');
    expect(byId.health?.evidence[1]).toMatch(/^the default command exited \(code 3\) after .* before a check passed: nothing to probe$/);
    expect(byId.entrypoint?.status).toBe('fail');
    expect(byId.entrypoint?.evidence.join(' ')).toContain('could not translate host name');
  });

  it('pulls an image that is not local and reports the digest it verified', async () => {
    const digest = `sha256:${'d'.repeat(64)}`;
    const ref = `127.0.0.1:5000/hello@${digest}`;
    const fake = fakeExec()
      .on('docker version', { stdout: '20.10.24\n' })
      .on('docker buildx version', { stdout: 'b\n' })
      .on('docker compose version --short', { stdout: '2.26.1\n' })
      .on(`docker image inspect ${ref}`, { code: 1, stdout: '[]', stderr: `Error: No such image: ${ref}` }, 1)
      .on(`docker pull ${ref}`, { stdout: `Digest: ${digest}\nStatus: Downloaded newer image for ${ref}\n` })
      .on(`docker image inspect ${ref}`, { stdout: JSON.stringify([{ ...imageJson('sha256:app', ['l1', 'l2']), RepoDigests: [`127.0.0.1:5000/hello@${digest}`] }]) })
      .on('docker image inspect python:3.13-slim', { stdout: JSON.stringify([imageJson('sha256:base', ['l1'])]) })
      .on('docker history', { stdout: '' })
      .on((call) => call.args.includes('--entrypoint') && call.args.includes('root'), { stdout: probeOut('root') })
      .on((call) => call.args.includes('--entrypoint') && call.args.includes('user'), { stdout: probeOut('user') })
      .on('docker run --detach', { stdout: 'cid\n' })
      .on('docker container inspect', { stdout: JSON.stringify([{ State: { Status: 'exited', Running: false, ExitCode: 0, StartedAt: '', FinishedAt: '' } }]) })
      .on('docker logs', {})
      .on('docker rm', {});
    const report = await verifyImage(new DockerCli({ exec: fake.exec, env: {} }), { image: ref, expected: undefined, dockerfileBase: 'python:3.13-slim', config: parseVerifyConfig({}).config, graceMs: 10 });
    expect(report).toMatchObject({ image: ref, imageId: 'sha256:app', digest, pulled: true });
    expect(fake.lines().filter((l) => l.startsWith('docker pull'))).toEqual([`docker pull ${ref}`]);
  });

  it('says why a pull failed', async () => {
    const fake = fakeExec()
      .on('docker version', { stdout: '20.10.24\n' })
      .on('docker buildx version', { stdout: 'b\n' })
      .on('docker compose version --short', { stdout: '2.26.1\n' })
      .on('docker image inspect', { code: 1, stdout: '[]', stderr: 'Error: No such image' })
      .on('docker pull', { code: 1, stderr: 'Error response from daemon: manifest for 127.0.0.1:5000/x:9 not found: manifest unknown: manifest unknown\n' });
    await expect(verifyImage(new DockerCli({ exec: fake.exec, env: {} }), { image: '127.0.0.1:5000/x:9', expected: undefined, dockerfileBase: undefined, config: parseVerifyConfig({}).config })).rejects.toThrow(
      'no image 127.0.0.1:5000/x:9 in the local image store, and docker pull 127.0.0.1:5000/x:9 failed: manifest for 127.0.0.1:5000/x:9 not found: manifest unknown: manifest unknown',
    );
  });

  it('says which image is missing', async () => {
    const fake = fakeExec()
      .on('docker version', { stdout: '20.10.24\n' })
      .on('docker buildx version', { stdout: 'b\n' })
      .on('docker compose version --short', { stdout: '2.26.1\n' })
      .on('docker image inspect', { code: 1, stdout: '[]', stderr: 'Error: No such image: nope:1' });
    await expect(verifyImage(new DockerCli({ exec: fake.exec, env: {} }), { image: 'nope:1', expected: undefined, dockerfileBase: undefined, config: parseVerifyConfig({}).config })).rejects.toThrow(/no image nope:1/);
  });
});
