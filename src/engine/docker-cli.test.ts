import { describe, expect, it } from 'vitest';
import { EngineUnavailableError } from '../core/errors.js';
import { buildArgv, DockerCli, runArgv } from './docker-cli.js';
import type { BuildRequest } from './engine.js';
import { fakeExec } from './testing/fake-exec.js';

const env = { PATH: '/usr/bin', DOCKER_HOST: 'unix:///var/run/docker.sock' };

function engineWith(fake: ReturnType<typeof fakeExec>) {
  return new DockerCli({ exec: fake.exec, env });
}

const request: BuildRequest = {
  context: '/p',
  dockerfile: '/p/Dockerfile',
  target: 'app',
  tags: ['hello:1.4.2', 'hello:sha-0123456789ab'],
  labels: { 'org.opencontainers.image.version': '1.4.2' },
  buildArgs: { PIPX_VERSION: '1.7.1' },
  secrets: [{ id: 'netrc', src: '/home/u/.netrc' }, { id: 'token', env: 'GH_TOKEN' }],
  platform: 'linux/amd64',
  cacheFrom: ['type=local,src=/tmp/c'],
  cacheTo: ['type=local,dest=/tmp/c'],
  network: 'host',
  progress: 'plain',
  output: 'load',
  iidFile: '/tmp/iid',
};

describe('DockerCli detection', () => {
  it('detects server, buildx and compose v2 once (memoised)', async () => {
    const fake = fakeExec()
      .on('docker version', { stdout: '20.10.24+dfsg1\n' })
      .on('docker buildx version', { stdout: 'github.com/docker/buildx 0.13.1\n' })
      .on('docker compose version --short', { stdout: '2.26.1\n' })
      .on('docker -v', { stdout: 'Docker version 20.10.24+dfsg1, build 297e128\n' });
    const engine = engineWith(fake);
    const first = await engine.info();
    await engine.info();
    expect(first).toEqual({ serverVersion: '20.10.24+dfsg1', buildx: 'github.com/docker/buildx 0.13.1', compose: { version: '2.26.1', cmd: 'docker', args: ['compose'] }, variant: 'docker' });
    expect(fake.lines()).toEqual(['docker version --format {{.Server.Version}}', 'docker buildx version', 'docker compose version --short', 'docker -v']);
    expect(fake.calls[0]?.env).toEqual(env);
  });

  it('falls back to docker-compose v1, and to no buildx', async () => {
    const fake = fakeExec()
      .on('docker version', { stdout: '24.0.7\n' })
      .on('docker buildx version', { code: 1, stderr: "docker: 'buildx' is not a docker command." })
      .on('docker compose version --short', { code: 1, stderr: "docker: 'compose' is not a docker command." })
      .on('docker-compose version --short', { stdout: '1.29.2\n' });
    fake.on('docker -v', { stdout: 'podman version 4.9.3\n' });
    const info = await engineWith(fake).info();
    expect(info.variant).toBe('podman');
    expect(info.buildx).toBeUndefined();
    expect(info.compose).toEqual({ version: '1.29.2', cmd: 'docker-compose', args: [] });
  });

  it('throws EngineUnavailableError (exit 3) with a hint when no server answers', async () => {
    const fake = fakeExec().on('docker version', { code: 1, stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n' });
    const error = await engineWith(fake).info().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineUnavailableError);
    expect((error as EngineUnavailableError).exitCode).toBe(3);
    expect((error as EngineUnavailableError).message).toMatch(/Cannot connect/);
    expect((error as EngineUnavailableError).hint).toMatch(/Docker Desktop/);
    expect((error as EngineUnavailableError).hint).toMatch(/DOCKER_HOST/);
  });

  it('says when the docker CLI itself is missing', async () => {
    const fake = fakeExec().on('docker version', { code: -1, notFound: true, spawnError: 'spawn docker ENOENT' });
    await expect(engineWith(fake).info()).rejects.toThrow(/not installed/);
  });
});

describe('build', () => {
  it('uses buildx with every pass-through flag', async () => {
    const fake = fakeExec()
      .on('docker version', { stdout: '20.10.24\n' })
      .on('docker buildx version', { stdout: 'buildx 0.13\n' })
      .on('docker compose version --short', { stdout: '2.26.1\n' })
      .on('docker buildx build', { stdout: '' });
    const chunks: string[] = [];
    const outcome = await engineWith(fake).build(request, (chunk) => chunks.push(chunk));
    expect(outcome.via).toBe('buildx');
    expect(fake.calls.at(-1)?.args).toEqual([
      'buildx', 'build', '--file', '/p/Dockerfile', '--target', 'app', '--tag', 'hello:1.4.2', '--tag', 'hello:sha-0123456789ab',
      '--label', 'org.opencontainers.image.version=1.4.2', '--build-arg', 'PIPX_VERSION=1.7.1',
      '--secret', 'id=netrc,src=/home/u/.netrc', '--secret', 'id=token,env=GH_TOKEN', '--platform', 'linux/amd64',
      '--cache-from', 'type=local,src=/tmp/c', '--cache-to', 'type=local,dest=/tmp/c', '--network', 'host',
      '--progress', 'plain', '--iidfile', '/tmp/iid', '--load', '/p',
    ]);
    expect(fake.calls.at(-1)?.cwd).toBe('/p');
  });

  it('falls back to DOCKER_BUILDKIT=1 docker build without buildx (no --cache-to, no --load)', async () => {
    const fake = fakeExec()
      .on('docker version', { stdout: '20.10.24\n' })
      .on('docker buildx version', { code: 1 })
      .on('docker compose version --short', { code: 1 })
      .on('docker-compose version --short', { code: 127, notFound: true })
      .on('docker build', { stdout: '' });
    const outcome = await engineWith(fake).build({ ...request, progress: 'tty' }, 'terminal');
    expect(outcome.via).toBe('docker-build');
    const call = fake.calls.at(-1);
    expect(call?.env.DOCKER_BUILDKIT).toBe('1');
    expect(call?.args).not.toContain('--cache-to');
    expect(call?.args).not.toContain('--load');
    expect(call?.args.slice(0, 1)).toEqual(['build']);
  });

  it('puts --builder right after build and --metadata-file before the output (buildx only)', () => {
    const argv = buildArgv({ ...request, output: 'push', builder: 'ci', metadataFile: '/tmp/m.json' }, 'buildx');
    expect(argv.slice(0, 4)).toEqual(['buildx', 'build', '--builder', 'ci']);
    expect(argv.slice(-5)).toEqual(['/tmp/iid', '--metadata-file', '/tmp/m.json', '--push', '/p']);
    const classic = buildArgv({ ...request, builder: 'ci', metadataFile: '/tmp/m.json' }, 'docker-build');
    expect(classic).not.toContain('--builder');
    expect(classic).not.toContain('--metadata-file');
  });

  it('maps push and quiet', () => {
    expect(buildArgv({ ...request, output: 'push', progress: 'quiet' }, 'buildx')).toEqual(expect.arrayContaining(['--push', '--quiet']));
  });
});

describe('images and containers', () => {
  it('inspects images through zod and tolerates missing ones', async () => {
    const fake = fakeExec()
      .on('docker image inspect a:1 missing:1', {
        code: 1,
        stdout: JSON.stringify([{ Id: 'sha256:a', RepoTags: ['a:1'], Size: 5, Config: { User: '10001', Env: ['A=1'], Cmd: ['x'], Labels: null }, RootFS: { Layers: ['l1'] } }]),
        stderr: 'Error: No such image: missing:1',
      })
      .on('docker image inspect nothing', { code: 1, stdout: '[]', stderr: 'Error: No such image: nothing' });
    const engine = engineWith(fake);
    const images = await engine.inspectImages(['a:1', 'missing:1']);
    expect(images).toEqual([{ id: 'sha256:a', repoTags: ['a:1'], repoDigests: [], created: '', size: 5, user: '10001', env: ['A=1'], entrypoint: undefined, cmd: ['x'], workingDir: '', labels: {}, stopSignal: undefined, layers: ['l1'] }]);
    expect(await engine.inspectImage('nothing')).toBeUndefined();
  });

  it('reads history rows with byte sizes', async () => {
    const fake = fakeExec().on('docker history --no-trunc --human=false --format {{json .}} app', {
      stdout: `${JSON.stringify({ ID: 'sha256:1', CreatedBy: 'COPY x', Size: '1234', Comment: 'buildkit.dockerfile.v0' })}\n${JSON.stringify({ ID: '<missing>', CreatedBy: '', Size: '111329763', Comment: '' })}\n`,
    });
    expect(await engineWith(fake).history('app')).toEqual([
      { id: 'sha256:1', createdBy: 'COPY x', size: 1234, comment: 'buildkit.dockerfile.v0' },
      { id: '<missing>', createdBy: '', size: 111329763, comment: '' },
    ]);
  });

  it('builds run argv', () => {
    expect(runArgv({ image: 'img', args: ['-c', 'print(1)'], entrypoint: '/opt/venv/bin/python', user: '0:0', network: 'none', labels: { 'org.pycrane.verify': 'probe' } })).toEqual([
      'run', '--rm', '--user', '0:0', '--network', 'none', '--label', 'org.pycrane.verify=probe', '--entrypoint', '/opt/venv/bin/python', 'img', '-c', 'print(1)',
    ]);
    expect(runArgv({ image: 'img', args: [], detach: true, name: 'c1', init: true })).toEqual(['run', '--detach', '--name', 'c1', '--init', 'img']);
  });

  it('pulls, asks the registry through imagetools, and reads the builder', async () => {
    const digest = `sha256:${'c'.repeat(64)}`;
    const fake = fakeExec()
      .on('docker pull r/app:1', { stdout: `Digest: ${digest}\n` })
      .on('docker buildx imagetools inspect --format {{json .}} r/app:1', { stdout: JSON.stringify({ manifest: { digest }, image: { config: { Labels: {} } } }) })
      .on('docker buildx imagetools inspect --format {{json .}} r/app:2', { code: 1, stderr: 'ERROR: r/app:2: not found\n' })
      .on('docker buildx imagetools inspect --format {{json .}} r/app:3', { code: 1, stderr: 'ERROR: failed to authorize: 401 Unauthorized\n' })
      .on('docker buildx inspect ci', { stdout: 'Name:   ci\nDriver: docker-container\n\nNodes:\nName: ci0\nPlatforms: linux/amd64*, linux/arm64*, linux/386\n' })
      .on('docker buildx inspect', { code: 1, stderr: 'ERROR: no builder found' });
    const engine = engineWith(fake);
    expect((await engine.pull('r/app:1')).code).toBe(0);
    expect(await engine.inspectRemote('r/app:1')).toEqual({ status: 'found', image: { digest, revision: undefined } });
    expect(await engine.inspectRemote('r/app:2')).toEqual({ status: 'missing' });
    expect(await engine.inspectRemote('r/app:3')).toEqual({ status: 'error', kind: 'unauthorized', message: 'failed to authorize: 401 Unauthorized' });
    expect(await engine.builderInfo('ci')).toEqual({ name: 'ci', driver: 'docker-container', platforms: ['linux/amd64', 'linux/arm64', 'linux/386'] });
    expect(await engine.builderInfo()).toBeUndefined();
  });

  it('stops with a timeout and removes by name', async () => {
    const fake = fakeExec().on('docker stop', {}).on('docker rm', {});
    const engine = engineWith(fake);
    await engine.stop('c1', 5);
    await engine.removeContainer('c1');
    expect(fake.lines()).toEqual(['docker stop --time 5 c1', 'docker rm --force --volumes c1']);
  });

  it('runs compose through the detected command', async () => {
    const fake = fakeExec()
      .on('docker version', { stdout: '20.10.24\n' })
      .on('docker buildx version', { stdout: 'b\n' })
      .on('docker compose version --short', { stdout: '2.26.1\n' })
      .on('docker compose config', { stdout: 'services: {}\n' });
    await engineWith(fake).compose(['config'], '/p');
    expect(fake.calls.at(-1)).toMatchObject({ cmd: 'docker', args: ['compose', 'config'], cwd: '/p' });
  });
});

describe('an engine lost mid-way', () => {
  const answering = () =>
    fakeExec()
      .on('docker version', { stdout: '20.10.24\n' }, 1)
      .on('docker buildx version', { stdout: 'github.com/docker/buildx 0.13.1\n' })
      .on('docker compose version --short', { stdout: '2.26.1\n' })
      .on('docker -v', { stdout: 'Docker version 20.10.24\n' });

  it('a docker CLI killed by a signal is exit 3, naming the command', async () => {
    const fake = answering().on('docker buildx build', { code: -1, signal: 'SIGKILL' });
    await expect(engineWith(fake).build(request, () => {})).rejects.toMatchObject({
      code: 'E_NO_ENGINE',
      exitCode: 3,
      message: 'the docker CLI was killed by SIGKILL while running `docker buildx build`: it did not finish',
    });
  });

  it('a lost connection that `docker version` confirms is exit 3; the same words with the engine still there are the command\'s own failure', async () => {
    const lost = answering()
      .on('docker buildx build', { code: 1, stderr: 'ERROR: failed to solve: rpc error: code = Unavailable desc = error reading from server: EOF' })
      .on('docker version', { code: 1, stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' });
    await expect(engineWith(lost).build(request, () => {})).rejects.toMatchObject({
      code: 'E_NO_ENGINE',
      message: expect.stringMatching(/^the Docker engine at DOCKER_HOST=unix:\/\/\/var\/run\/docker.sock stopped answering during `docker buildx build`: /),
    });
    const still = answering()
      .on('docker buildx build', { code: 1, stderr: 'ERROR: failed to solve: rpc error: code = Unavailable desc = connection refused' })
      .on('docker version', { stdout: '20.10.24\n' });
    await expect(engineWith(still).build(request, () => {})).resolves.toMatchObject({ result: { code: 1 } });
  });

  it('an ordinary failure is not probed', async () => {
    const fake = answering().on('docker buildx build', { code: 1, stderr: 'ERROR: failed to solve: process "/bin/sh -c pip install" did not complete successfully: exit code: 1' });
    await expect(engineWith(fake).build(request, () => {})).resolves.toMatchObject({ result: { code: 1 } });
    expect(fake.lines().filter((l) => l === 'docker version --format {{.Server.Version}}')).toHaveLength(1);
  });
});
