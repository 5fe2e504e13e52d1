import { describe, expect, it } from 'vitest';
import { DockerCli } from './docker-cli.js';
import { startDev, stopDev, type DevRequest } from './dev.js';
import { fakeExec } from './testing/fake-exec.js';

function engine(services = 'app\ndev\n', upCode = 0, execCode = 0, upStderr = 'failed to solve: poetry install exited 1', versionAnswers?: number) {
  let upRan = false;
  const fake = fakeExec([
    { match: 'docker version', result: { stdout: '20.10.24\n' }, ...(versionAnswers === undefined ? {} : { times: versionAnswers }) },
    { match: 'docker version', result: { code: 1, stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' } },
    { match: 'docker -v', result: { stdout: 'Docker version 20.10.24\n' } },
    { match: 'docker buildx version', result: { stdout: 'github.com/docker/buildx v0.13.1\n' } },
    { match: 'docker compose version', result: { stdout: '2.26.1\n' } },
    { match: (c) => c.args.includes('config'), result: { stdout: services } },
    // Before up: the user's own db container; after a failed up, the dev container it created too.
    { match: (c) => c.args.includes('ps'), result: () => (upRan && versionAnswers !== undefined ? { code: 1, stderr: 'error during connect: EOF' } : { stdout: upRan ? 'db\ndev\ncache\n' : 'db\n' }) },
    { match: (c) => c.args.includes('rm'), result: {} },
    {
      match: (c) => c.args.includes('up'),
      result: () => {
        upRan = true;
        return { code: upCode, stderr: upCode ? upStderr : '' };
      },
    },
    { match: (c) => c.args.includes('exec'), result: { code: execCode } },
    { match: (c) => c.args.includes('down'), result: {} },
  ]);
  return { fake, engine: new DockerCli({ exec: fake.exec, env: { PATH: '/usr/bin' } }) };
}

const request: DevRequest = {
  dir: '/work/proj',
  composeFile: 'compose.yaml',
  service: 'dev',
  env: { DEV_UID: '501', DEV_GID: '20' },
  build: true,
  run: { kind: 'command', argv: ['pytest', '-q'] },
  tty: false,
  stream: false,
};

const composeLines = (lines: string[]) => lines.filter((l) => l.startsWith('docker compose --file'));

describe('startDev', () => {
  it('brings dev up with --build and runs the command in it, passing DEV_UID/DEV_GID', async () => {
    const { fake, engine: e } = engine('app\ndev\n', 0, 4);
    expect(await startDev(e, request)).toBe(4);
    expect(composeLines(fake.lines())).toEqual([
      'docker compose --file compose.yaml --project-directory /work/proj config --services',
      'docker compose --file compose.yaml --project-directory /work/proj ps --all --services',
      'docker compose --file compose.yaml --project-directory /work/proj up --detach --wait --build dev',
      'docker compose --file compose.yaml --project-directory /work/proj exec -T dev pytest -q',
    ]);
    const up = fake.calls.find((c) => c.args.includes('up'));
    expect(up?.env).toMatchObject({ PATH: '/usr/bin', DEV_UID: '501', DEV_GID: '20' });
  });

  it('opens a login shell with a TTY, and only comes up with run none', async () => {
    const { fake, engine: e } = engine();
    await startDev(e, { ...request, run: { kind: 'shell' }, tty: true, build: false });
    expect(composeLines(fake.lines()).at(-1)).toBe(
      'docker compose --file compose.yaml --project-directory /work/proj exec dev sh -c command -v bash >/dev/null && exec bash || exec sh',
    );
    expect(composeLines(fake.lines())[2]).toContain('up --detach --wait dev');
    const { fake: f2, engine: e2 } = engine();
    expect(await startDev(e2, { ...request, run: { kind: 'none' } })).toBe(0);
    expect(f2.lines().some((l) => l.includes(' exec '))).toBe(false);
  });

  it('says which service is missing, and why up failed', async () => {
    const { engine: e } = engine('app\n');
    await expect(startDev(e, request)).rejects.toThrow('compose.yaml has no service "dev"');
    const { engine: e2 } = engine('dev\n', 1);
    await expect(startDev(e2, request)).rejects.toMatchObject({ code: 'E_DEV_UP', exitCode: 1, hint: expect.stringContaining('poetry install exited 1') });
  });

  it('removes what a failed up created (never what ran before), so nothing stays up half-configured', async () => {
    const { fake, engine: e } = engine('dev\n', 1);
    await expect(startDev(e, request)).rejects.toMatchObject({ code: 'E_DEV_UP' });
    expect(composeLines(fake.lines()).at(-1)).toBe('docker compose --file compose.yaml --project-directory /work/proj rm --stop --force dev cache');
  });

  it('an engine that stops answering during up: exit 3, and the hint says what may remain', async () => {
    // The engine answers the first probe (info) and then no more; rm then fails to connect too.
    const { engine: e } = engine('dev\n', 1, 0, 'error during connect: Post "http://%2Fvar%2Frun%2Fdocker.sock/v1.41/build": EOF', 1);
    await expect(startDev(e, request)).rejects.toMatchObject({
      code: 'E_NO_ENGINE',
      exitCode: 3,
      message: expect.stringMatching(/stopped answering during `docker compose up`: error during connect/),
      hint: expect.stringContaining('docker compose down'),
    });
  });
});

describe('stopDev', () => {
  it('runs compose down for the project', async () => {
    const { fake, engine: e } = engine();
    await stopDev(e, request);
    expect(composeLines(fake.lines())).toEqual(['docker compose --file compose.yaml --project-directory /work/proj down']);
  });
});
