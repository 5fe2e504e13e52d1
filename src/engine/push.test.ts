import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PycraneError, UserError } from '../core/errors.js';
import { buildProject, planBuild, type BuildOptions } from './build.js';
import { DockerCli } from './docker-cli.js';
import type { FakeCall } from './testing/fake-exec.js';
import { factsFixture } from './testing/facts.js';
import { fakeExec } from './testing/fake-exec.js';

const sha = 'abcdef0123456789abcdef0123456789abcdef01';
const other = '9999999999999999999999999999999999999999';
const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;
const dockerfile = 'FROM python:3.13-slim AS app\n';
const repo = '127.0.0.1:5000/hello-cli';
const tags = [`${repo}:1.4.2`, `${repo}:1.4.2-py3.13`, `${repo}:sha-abcdef012345`];
const push: BuildOptions = { tags: [], latest: false, output: 'push', repository: repo, cacheFrom: [], cacheTo: [], buildArgs: [], secrets: [], labels: [], progress: 'plain' };

const flag = (call: FakeCall, name: string) => call.args[call.args.indexOf(name) + 1] ?? '';
const remote = (digest: string, revision: string) => ({ stdout: JSON.stringify({ manifest: { digest }, image: { config: { Labels: { 'org.opencontainers.image.revision': revision } } } }) });
const notFound = (call: FakeCall) => ({ code: 1, stderr: `ERROR: ${call.args.at(-1) ?? ''}: not found\n` });

function engineFake(options: { buildx?: boolean; dirty?: boolean } = {}) {
  const fake = fakeExec()
    .on('docker version', { stdout: '20.10.24\n' })
    .on('docker buildx version', options.buildx === false ? { code: 1 } : { stdout: 'github.com/docker/buildx 0.13.1\n' })
    .on('docker compose version --short', { stdout: '2.26.1\n' })
    .on('docker -v', { stdout: 'Docker version 20.10.24\n' })
    .on('git -C /p rev-parse --verify --quiet HEAD', { stdout: `${sha}\n` })
    .on('git -C /p status', { stdout: options.dirty ? ' M app.py\n' : '' })
    .on('git -C /p config --get remote.origin.url', { code: 1 });
  return fake;
}

/** A buildx build that writes the iid and metadata files as buildx does. */
const buildxOk = (call: FakeCall) => {
  writeFileSync(flag(call, '--iidfile'), `${B}\n`);
  if (call.args.includes('--metadata-file')) writeFileSync(flag(call, '--metadata-file'), JSON.stringify({ 'containerimage.config.digest': B, 'containerimage.digest': A }));
  return { stderr: '#7 pushing 127.0.0.1:5000/hello-cli:1.4.2 with docker\n#7 DONE 0.4s\n' };
};

function deps(fake: ReturnType<typeof fakeExec>, env: Record<string, string> = {}) {
  const warnings: string[] = [];
  const full = { PATH: '/usr/bin', ...env };
  return {
    warnings,
    deps: {
      engine: new DockerCli({ exec: fake.exec, env: full }),
      exec: fake.exec,
      env: full,
      sink: () => undefined,
      now: () => new Date('2026-11-28T08:00:00Z'),
      warn: (message: string) => void warnings.push(message),
    },
  };
}

const imageInspect = { stdout: JSON.stringify([{ Id: B, RepoTags: tags, RepoDigests: [`${repo}@${A}`], Size: 1000, Config: {}, RootFS: { Layers: [] } }]) };

describe('buildProject --push (buildx)', () => {
  it('looks every tag up, builds with --metadata-file and --builder, then confirms each tag serves the digest', async () => {
    let pushed = false;
    const fake = engineFake()
      .on('docker buildx imagetools inspect', (call) => (pushed ? remote(A, sha) : notFound(call)))
      .on('docker buildx build', (call) => {
        pushed = true;
        return buildxOk(call);
      })
      .on('docker image inspect', imageInspect);
    const { deps: d, warnings } = deps(fake, { BUILDX_BUILDER: 'from-env' });
    const result = await buildProject(d, '/p', factsFixture(), dockerfile, '/p/Dockerfile', { ...push, builder: 'ci' });
    expect(result).toMatchObject({ digest: A, pushed: tags.map((tag) => ({ tag, digest: A })), builder: 'ci', imageId: B, tags });
    expect(warnings).toEqual([]);
    const build = fake.calls.find((c) => c.args[0] === 'buildx' && c.args[1] === 'build');
    expect(build?.args.slice(0, 4)).toEqual(['buildx', 'build', '--builder', 'ci']);
    expect(build?.args).toEqual(expect.arrayContaining(['--metadata-file', '--push']));
    expect(build?.env.BUILDX_BUILDER).toBe('from-env'); // passed through; --builder wins inside buildx
    const lookups = fake.lines().filter((l) => l.startsWith('docker buildx imagetools inspect'));
    expect(lookups).toEqual([...tags, ...tags].map((tag) => `docker buildx imagetools inspect --builder ci --format {{json .}} ${tag}`));
  });

  it('takes BUILDX_BUILDER when no --builder is given, without adding a flag', async () => {
    let pushed = false;
    const fake = engineFake()
      .on('docker buildx imagetools inspect', (call) => (pushed ? remote(A, sha) : notFound(call)))
      .on('docker buildx build', (call) => {
        pushed = true;
        return buildxOk(call);
      })
      .on('docker image inspect', imageInspect);
    const result = await buildProject(deps(fake, { BUILDX_BUILDER: 'remote-bk' }).deps, '/p', factsFixture(), dockerfile, '/p/Dockerfile', push);
    expect(result.builder).toBe('remote-bk');
    expect(fake.calls.find((c) => c.args[1] === 'build')?.args).not.toContain('--builder');
  });

  it('refuses a release tag of another commit before building; --force warns and moves it', async () => {
    const fake = engineFake()
      .on('docker buildx imagetools inspect', (call) => (call.args.at(-1) === tags[0] ? remote(B, other) : notFound(call)));
    const error = await buildProject(deps(fake).deps, '/p', factsFixture(), dockerfile, '/p/Dockerfile', push).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PycraneError);
    expect((error as PycraneError).exitCode).toBe(1);
    expect((error as PycraneError).message).toBe(`refusing to move a release tag: ${tags[0]} already exists as ${B} (built from 999999999999; this build: abcdef012345); nothing was built or pushed`);
    expect(fake.lines().some((l) => l.startsWith('docker buildx build'))).toBe(false);

    let pushed = false;
    const forced = engineFake()
      .on('docker buildx imagetools inspect', (call) => (pushed ? remote(A, sha) : call.args.at(-1) === tags[0] ? remote(B, other) : notFound(call)))
      .on('docker buildx build', (call) => {
        pushed = true;
        return buildxOk(call);
      })
      .on('docker image inspect', imageInspect);
    const { deps: d, warnings } = deps(forced);
    await buildProject(d, '/p', factsFixture(), dockerfile, '/p/Dockerfile', { ...push, force: true });
    expect(warnings).toEqual([`--force: moving release tag ${tags[0]} away from ${B} (built from 999999999999)`, `${tags[0]} moved from ${B} to ${A}`]);
  });

  it('stops before building when the registry cannot be reached', async () => {
    const fake = engineFake().on('docker buildx imagetools inspect', {
      code: 1,
      stderr: 'ERROR: failed to do request: Head "http://127.0.0.1:5999/v2/hello-cli/manifests/1.4.2": dial tcp 127.0.0.1:5999: connect: connection refused\n',
    });
    const error = (await buildProject(deps(fake).deps, '/p', factsFixture(), dockerfile, '/p/Dockerfile', { ...push, repository: '127.0.0.1:5999/hello-cli' }).catch((e: unknown) => e)) as PycraneError;
    expect(error.code).toBe('E_REGISTRY');
    expect(error.message).toBe(
      'registry 127.0.0.1:5999 cannot be reached (failed to do request: Head "http://127.0.0.1:5999/v2/hello-cli/manifests/1.4.2": dial tcp 127.0.0.1:5999: connect: connection refused); nothing was built or pushed',
    );
    expect(fake.lines().some((l) => l.startsWith('docker buildx build'))).toBe(false);
  });

  it('a push that fails half-way names the tags that reached the registry', async () => {
    let failed = false;
    const fake = engineFake()
      .on('docker buildx imagetools inspect', (call) => (failed && call.args.at(-1) === tags[0] ? remote(A, sha) : notFound(call)))
      .on('docker buildx build', () => {
        failed = true;
        return { code: 1, stderr: `#8 pushing ${tags[1]} with docker\nERROR: failed to push ${tags[1]}: unexpected status: 500 Internal Server Error\n` };
      })
      .on('docker buildx inspect', { stdout: 'Name: default\nDriver: docker\nPlatforms: linux/amd64, linux/386\n' });
    const error = (await buildProject(deps(fake).deps, '/p', factsFixture(), dockerfile, '/p/Dockerfile', push).catch((e: unknown) => e)) as PycraneError;
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe(
      `the push to 127.0.0.1:5000 failed: failed to push ${tags[1]}: unexpected status: 500 Internal Server Error; 1 of 3 tags reached the registry before the failure (${tags[0]}), the others did not`,
    );
  });

  it('fails when the registry serves another digest than the one pushed', async () => {
    let pushed = false;
    const fake = engineFake()
      .on('docker buildx imagetools inspect', (call) => (pushed ? remote(call.args.at(-1) === tags[2] ? B : A, sha) : notFound(call)))
      .on('docker buildx build', (call) => {
        pushed = true;
        return buildxOk(call);
      })
      .on('docker image inspect', imageInspect);
    await expect(buildProject(deps(fake).deps, '/p', factsFixture(), dockerfile, '/p/Dockerfile', push)).rejects.toThrow(`the registry does not serve what was pushed: ${tags[2]} serves ${B}, this build pushed ${A}`);
  });
});

describe('buildProject --push without buildx', () => {
  it('pushes each tag with docker, reads the digests, and asks for inline cache with the build argument', async () => {
    const fake = engineFake({ buildx: false })
      .on('docker-compose version --short', { code: 127, notFound: true })
      .on('docker build', {})
      .on('docker image inspect', imageInspect)
      .on('docker push', { stdout: `latest: digest: ${A} size: 735\n` });
    const { deps: d, warnings } = deps(fake);
    const result = await buildProject(d, '/p', factsFixture(), dockerfile, '/p/Dockerfile', { ...push, cacheTo: ['type=inline'], builder: 'ci' });
    expect(result).toMatchObject({ digest: A, pushed: tags.map((tag) => ({ tag, digest: A })), via: 'docker-build' });
    expect(fake.lines().filter((l) => l.startsWith('docker push'))).toEqual(tags.map((t) => `docker push ${t}`));
    expect(fake.calls.find((c) => c.args[0] === 'build')?.args).toEqual(expect.arrayContaining(['--build-arg', 'BUILDKIT_INLINE_CACHE=1']));
    expect(warnings).toEqual(['docker buildx is not installed: building with DOCKER_BUILDKIT=1 docker build', '--builder ci needs buildx: ignored']);
  });

  it('says which tags were pushed before docker push failed', async () => {
    const fake = engineFake({ buildx: false })
      .on('docker-compose version --short', { code: 127, notFound: true })
      .on('docker build', {})
      .on(`docker push ${tags[0]}`, { stdout: `1.4.2: digest: ${A} size: 735\n` })
      .on('docker push', { code: 1, stderr: 'denied: requested access to the resource is denied\n' });
    await expect(buildProject(deps(fake).deps, '/p', factsFixture(), dockerfile, '/p/Dockerfile', push)).rejects.toThrow(
      `docker push ${tags[1]} failed: denied: requested access to the resource is denied; pushed before the failure: ${tags[0]}@${A}`,
    );
  });
});

describe('planBuild --push policy', () => {
  const plan = (fake: ReturnType<typeof fakeExec>, options: Partial<BuildOptions> = {}) =>
    planBuild({ exec: fake.exec, env: {}, now: () => new Date(0) }, '/p', factsFixture(), dockerfile, '/p/Dockerfile', { ...push, ...options }, '/i');

  it('marks version, version-python and sha tags as release tags', async () => {
    const result = await plan(engineFake(), { tags: ['edge'], latest: true });
    expect(result.request.tags).toEqual([...tags, `${repo}:latest`, `${repo}:edge`]);
    expect(result.immutable).toEqual(tags);
  });

  it('refuses a dirty tree, or pushes only sha-<12>-dirty with --allow-dirty', async () => {
    const error = await plan(engineFake({ dirty: true })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).hint).toBe(`Commit them first, or pass --allow-dirty to push only ${repo}:sha-abcdef012345-dirty.`);
    const allowed = await plan(engineFake({ dirty: true }), { allowDirty: true, tags: ['edge'] });
    expect(allowed.request.tags).toEqual([`${repo}:sha-abcdef012345-dirty`]);
    expect(allowed.immutable).toEqual([]);
    expect(allowed.warnings).toContain(`--allow-dirty: pushing only ${repo}:sha-abcdef012345-dirty; not pushed: ${repo}:edge`);
  });

  it('refuses a name without a registry', async () => {
    await expect(plan(engineFake(), { repository: 'hello-cli' })).rejects.toThrow('--push: hello-cli:1.4.2 names no registry (docker would push it to docker.io/library/hello-cli)');
    expect((await plan(engineFake(), { repository: 'acme/hello-cli' })).request.tags[0]).toBe('acme/hello-cli:1.4.2');
  });
});
