/**
 * pycrane build --push and pycrane verify against the docker-lab's registry (127.0.0.1:5000):
 * the digest printed is the one the registry serves; verify by digest after the local images
 * are gone; a bad image in the registry fails; registry refusals, dirty trees, release tags of
 * another commit and foreign platforms each stop with one clear line; and a build on an
 * emptied builder takes its dependency layers from the registry's inline cache.
 *
 * Every repository name is unique per run (the registry keeps everything); local images are
 * removed at the end. The builder is emptied only of this file's own cache records (found by a
 * per-run token in every RUN step): a `docker builder prune -af` would also empty the cache of
 * every other build on this engine and break their cache assertions mid-run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { captureContext } from '../support/cli.js';
import { stepCached } from '../support/docker.js';
import { engineAvailable, skipReason } from '../support/engine.js';

const registry = process.env.DOCKER_LAB_REGISTRY ?? '';
const registryLog = path.join(process.env.DOCKER_LAB_STATE ?? '/var/tmp/docker-lab', 'registry.log');

function registryAnswers(): boolean {
  if (!registry) return false;
  const probe = spawnSync(process.execPath, ['-e', `fetch("http://${registry}/v2/").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`], { timeout: 10_000 });
  return probe.status === 0;
}

const why = !engineAvailable
  ? skipReason
  : !registry
    ? 'DOCKER_LAB_REGISTRY is not set (set -a; . /var/tmp/docker-lab/env; set +a)'
    : !registryAnswers()
      ? `the docker-lab registry at ${registry} does not answer (../shared/docker-lab/up starts it)`
      : '';
if (why) console.warn(`[e2e] skipping registry tests: ${why}`);

const fixtures = path.resolve(import.meta.dirname, '../fixtures/broken-images');
const run = `${process.pid}-${randomBytes(3).toString('hex')}`;
const name = `pycrane-e2e-registry-${run}`;
const repo = `${registry}/${name}`;
const work = mkdtempSync(path.join(tmpdir(), 'pycrane-e2e-registry-'));

function sh(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

function commit(dir: string, message: string): string {
  sh('git', ['add', '-A'], dir);
  sh('git', ['-c', 'user.email=e2e@pycrane.invalid', '-c', 'user.name=e2e', 'commit', '-qm', message], dir);
  return sh('git', ['rev-parse', 'HEAD'], dir).trim();
}

/** A git work tree holding the fixture project and the given Dockerfile. */
function project(dirName: string, dockerfile: string): string {
  const dir = path.join(work, dirName);
  cpSync(path.join(fixtures, 'context'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
  sh('git', ['init', '-q'], dir);
  commit(dir, 'fixture');
  return dir;
}

async function pycrane(dir: string, args: string[], env: Record<string, string | undefined> = {}) {
  const t = captureContext(dir, { ...process.env, CI: 'true', ...env });
  const started = Date.now();
  const code = await runCli(args, t.ctx);
  return { code, out: t.out(), err: t.err(), ms: Date.now() - started };
}

interface BuildJson {
  imageId: string;
  tags: string[];
  digest: string | null;
  pushed: { tag: string; digest: string }[];
  durationMs: number;
  warnings: string[];
  builder: string | null;
}

/** Image ids of every build here: a rebuild takes the tags, and the old image stays, untagged. */
const builtIds = new Set<string>();

function parseBuild(out: string): BuildJson {
  const result = JSON.parse(out) as BuildJson;
  if (result.imageId) builtIds.add(result.imageId);
  return result;
}

async function pushJson(dir: string, repository: string, extra: string[] = [], env: Record<string, string | undefined> = {}) {
  const r = await pycrane(dir, ['build', '--push', '--json', '--repository', repository, '--network', 'host', ...extra], env);
  if (r.code !== 0) throw new Error(`pycrane build --push exited ${r.code}:\n${r.err.slice(-3000)}`);
  return { result: parseBuild(r.out), log: r.err };
}

const ACCEPT = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
].join(', ');

/** Docker-Content-Digest of `GET /v2/<name>/manifests/<tag>`: what every client pulling the tag gets; null for 404. */
async function servedDigest(ref: string): Promise<string | null> {
  const slash = ref.indexOf('/');
  const colon = ref.lastIndexOf(':');
  const response = await fetch(`http://${ref.slice(0, slash)}/v2/${ref.slice(slash + 1, colon)}/manifests/${ref.slice(colon + 1)}`, { headers: { Accept: ACCEPT } });
  if (response.status === 404) return null;
  expect(response.status).toBe(200);
  return response.headers.get('docker-content-digest');
}

function imagetoolsDigest(ref: string): string {
  const out = sh('docker', ['buildx', 'imagetools', 'inspect', '--format', '{{json .Manifest}}', ref]);
  return (JSON.parse(out) as { digest: string }).digest;
}

/** Removes every local image of a repository (tags and digest-only references) and the untagged ones built here. */
function removeLocal(repository: string): void {
  const ids = sh('docker', ['image', 'ls', '--digests', '--no-trunc', '--format', '{{.Repository}} {{.ID}}'])
    .split('\n')
    .filter((line) => line.split(' ')[0] === repository)
    .map((line) => line.split(' ')[1] ?? '');
  const unique = [...new Set([...ids.filter(Boolean), ...[...builtIds].filter(isLocal)])];
  if (unique.length > 0) spawnSync('docker', ['image', 'rm', '--force', ...unique], { encoding: 'utf8' });
}

const isLocal = (ref: string) => spawnSync('docker', ['image', 'inspect', ref], { encoding: 'utf8' }).status === 0;

/** Seconds BuildKit spent in its `pushing ... with docker` steps (the docker driver pushes after the build). */
function pushSeconds(log: string): number {
  const steps = [...log.matchAll(/^(#\d+) pushing .* with docker$/gm)].map((m) => m[1] ?? '');
  return steps.reduce((sum, step) => sum + Number(new RegExp(`^${step} DONE (\\d+\\.\\d+)s$`, 'm').exec(log)?.[1] ?? 0), 0);
}

/** The port of a listener just closed: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 1;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const repositories: string[] = [];
const repoFor = (suffix: string) => {
  const r = `${repo}-${suffix}`;
  repositories.push(r);
  return r;
};

describe.skipIf(Boolean(why))(`pycrane build --push / verify by digest on the lab registry${why ? ` (${why})` : ''}`, () => {
  const good = readFileSync(path.join(fixtures, 'good.Dockerfile'), 'utf8');
  const main = repoFor('app');
  let dir = '';
  let head = '';
  let first: BuildJson | undefined;

  beforeAll(() => {
    dir = project('app', good);
    head = sh('git', ['rev-parse', 'HEAD'], dir).trim();
  });

  afterAll(() => {
    for (const r of repositories) removeLocal(r);
    rmSync(work, { recursive: true, force: true });
  });

  it('pushes every tag and prints the digest the registry serves for each', async () => {
    const started = Date.now();
    const { result, log } = await pushJson(dir, main, [], { SOURCE_DATE_EPOCH: '1764000000' });
    const wall = Date.now() - started;
    const sha = head.slice(0, 12);
    expect(result.tags).toEqual([`${main}:0.3.0`, `${main}:0.3.0-py3.13`, `${main}:sha-${sha}`]);
    expect(result.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.pushed).toEqual(result.tags.map((tag) => ({ tag, digest: result.digest })));
    for (const tag of result.tags) {
      expect(await servedDigest(tag)).toBe(result.digest);
      expect(imagetoolsDigest(tag)).toBe(result.digest);
    }
    expect(log).toMatch(new RegExp(`pushing ${main.replace(/[.]/g, '\\.')}:0\\.3\\.0 with docker`));
    first = result;
    console.log(`[numbers] build + push of 3 tags: ${(wall / 1000).toFixed(1)} s wall, BuildKit's push steps ${pushSeconds(log).toFixed(1)} s; digest ${result.digest} = Docker-Content-Digest of GET /v2/${name}-app/manifests/<tag> for all 3 tags`);
  });

  it('prints the pushed tags and the digest as text, and a re-run of the same commit warns with both digests', async () => {
    const before = first?.digest ?? '';
    // Another created label (as a retried CI job one second later gets): a new config, a new digest.
    const r = await pycrane(dir, ['build', '--push', '--repository', main, '--network', 'host'], { SOURCE_DATE_EPOCH: '1764000001' });
    expect(r.code, r.err.slice(-2000)).toBe(0);
    const digest = /^pushed 3 tags, digest (sha256:[0-9a-f]{64})$/m.exec(r.out)?.[1] ?? '';
    expect(digest).not.toBe(before);
    for (const tag of [`${main}:0.3.0`, `${main}:0.3.0-py3.13`, `${main}:sha-${head.slice(0, 12)}`]) {
      expect(r.out).toContain(`  ${tag}  ${digest}\n`);
      expect(await servedDigest(tag)).toBe(digest);
    }
    expect(r.out).toContain(`verify it: pycrane verify ${main}@${digest}\n`);
    expect(r.err).toContain(`${main}:0.3.0 moved from ${before} to ${digest} (rebuilt from the same commit`);
    if (first) first = { ...first, digest, pushed: first.pushed.map((p) => ({ ...p, digest })) };
  });

  it('verifies by digest from the registry after the local images are removed, then runs it', async () => {
    const digest = first?.digest ?? '';
    removeLocal(main);
    const pinned = `${main}@${digest}`;
    expect(isLocal(pinned)).toBe(false);
    const r = await pycrane(dir, ['verify', pinned, '--project', '.', '--json']);
    expect(r.code, r.err.slice(-2000)).toBe(0);
    const report = JSON.parse(r.out) as { image: string; imageId: string; digest: string; pulled: boolean; verdict: string; checks: { id: string; status: string }[] };
    expect(report).toMatchObject({ image: pinned, digest, pulled: true, verdict: 'pass' });
    expect(report.checks.find((c) => c.id === 'dependencies')?.status).toBe('pass');
    expect(sh('docker', ['image', 'inspect', '--format', '{{json .RepoDigests}}', pinned])).toContain(pinned);
    expect(sh('docker', ['run', '--rm', '--entrypoint', 'python', pinned, '-c', 'import hello, os; print(os.getuid(), hello.__name__)']).trim()).toBe('10001 hello');

    removeLocal(main);
    const byTag = await pycrane(dir, ['verify', `${main}:0.3.0`, '--project', '.']);
    expect(byTag.code, byTag.err.slice(-2000)).toBe(0);
    expect(byTag.out).toContain(`  digest ${digest} (pulled from the registry)\n`);
  });

  it('a hidden bad image in the registry fails verify by digest', async () => {
    const bad = `${repoFor('bad')}:1`;
    sh('docker', ['buildx', 'build', '--load', '--network', 'host', '--progress', 'quiet', '-f', path.join(fixtures, 'root-user.Dockerfile'), '-t', bad, path.join(fixtures, 'context')]);
    const pushed = sh('docker', ['push', bad]);
    const digest = /digest: (sha256:[0-9a-f]{64}) size:/.exec(pushed)?.[1] ?? '';
    expect(await servedDigest(bad)).toBe(digest);
    removeLocal(bad.slice(0, bad.lastIndexOf(':')));
    const pinned = `${bad.slice(0, bad.lastIndexOf(':'))}@${digest}`;
    const r = await pycrane(dir, ['verify', pinned, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { digest: string; pulled: boolean; checks: { id: string; status: string }[] };
    expect(report.digest).toBe(digest);
    expect(report.pulled).toBe(true);
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['user']);
  });

  it('refuses to move a release tag to another commit before building; --force moves it and warns with both digests', async () => {
    const other = path.join(work, 'app-next');
    cpSync(dir, other, { recursive: true });
    appendFileSync(path.join(other, 'app.py'), '# the next commit, same version\n');
    const next = commit(other, 'next');
    const old = first?.digest ?? '';
    const r = await pycrane(other, ['build', '--push', '--repository', main, '--network', 'host']);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines[0]).toBe(
      `pycrane: refusing to move a release tag: ${main}:0.3.0 already exists as ${old} (built from ${head.slice(0, 12)}; this build: ${next.slice(0, 12)}) (and 1 more tag); nothing was built or pushed`,
    );
    expect(lines[1]).toMatch(/--force/);
    expect(r.err).not.toMatch(/^#\d+ /m); // BuildKit never started
    expect(await servedDigest(`${main}:0.3.0`)).toBe(old);
    expect(await servedDigest(`${main}:sha-${next.slice(0, 12)}`)).toBeNull();

    const forced = await pushJson(other, main, ['--force']);
    expect(forced.log).toContain(`--force: moving release tag ${main}:0.3.0 away from ${old} (built from ${head.slice(0, 12)})`);
    expect(forced.log).toContain(`${main}:0.3.0 moved from ${old} to ${forced.result.digest}`);
    expect(await servedDigest(`${main}:0.3.0`)).toBe(forced.result.digest);
    expect(await servedDigest(`${main}:sha-${head.slice(0, 12)}`)).toBe(old); // the old commit's own tag stays
  });

  it('refuses a dirty work tree; --allow-dirty pushes only sha-<12>-dirty', async () => {
    const dirtyRepo = repoFor('dirty');
    const dirty = project('dirty', good);
    const sha = sh('git', ['rev-parse', 'HEAD'], dirty).trim().slice(0, 12);
    appendFileSync(path.join(dirty, 'app.py'), '# not committed\n');
    const refused = await pycrane(dirty, ['build', '--push', '--repository', dirtyRepo, '--network', 'host']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('pycrane: refusing to push: the work tree has uncommitted changes (`git status` shows them)\n');
    expect(refused.err).toContain(`--allow-dirty to push only ${dirtyRepo}:sha-${sha}-dirty`);
    expect(await servedDigest(`${dirtyRepo}:sha-${sha}-dirty`)).toBeNull();

    const allowed = await pycrane(dirty, ['build', '--push', '--allow-dirty', '--repository', dirtyRepo, '--network', 'host', '--tag', 'edge']);
    expect(allowed.code, allowed.err.slice(-2000)).toBe(0);
    const digest = /^pushed 1 tag, digest (sha256:[0-9a-f]{64})$/m.exec(allowed.out)?.[1];
    expect(allowed.out).toContain(`  ${dirtyRepo}:sha-${sha}-dirty  ${digest}\n`);
    expect(allowed.err).toContain(`--allow-dirty: pushing only ${dirtyRepo}:sha-${sha}-dirty; not pushed: ${dirtyRepo}:edge`);
    expect(await servedDigest(`${dirtyRepo}:sha-${sha}-dirty`)).toBe(digest);
    expect(await servedDigest(`${dirtyRepo}:edge`)).toBeNull();
    expect(await servedDigest(`${dirtyRepo}:0.3.0`)).toBeNull();
  });

  it('a registry that refuses connections: one line, exit 1, nothing built', async () => {
    const port = await closedPort();
    const r = await pycrane(dir, ['build', '--push', '--repository', `127.0.0.1:${port}/${name}`, '--network', 'host']);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^pycrane: registry 127\\.0\\.0\\.1:${port} cannot be reached \\(.*connect: connection refused\\); nothing was built or pushed$`));
    expect(lines.length).toBe(2); // the message and its hint
    expect(r.err).not.toMatch(/^#\d+ /m);
  });

  it('a platform the builder lacks, and several platforms on the docker driver: reworded, exit 1, nothing pushed', async () => {
    const platformRepo = repoFor('platform');
    const arm = await pycrane(dir, ['build', '--push', '--repository', platformRepo, '--network', 'host', '--platform', 'linux/arm64']);
    expect(arm.code).toBe(1);
    expect(arm.err).toMatch(/^pycrane: the builder "default" \(docker driver\) cannot build for linux\/arm64 \(it runs linux\/amd64, linux\/386\): .*; no tag was pushed$/m);
    expect(arm.err).toMatch(/tonistiigi\/binfmt/);
    const multi = await pycrane(dir, ['build', '--push', '--repository', platformRepo, '--network', 'host', '--platform', 'linux/amd64,linux/arm64']);
    expect(multi.code).toBe(1);
    expect(multi.err).toMatch(/^pycrane: the builder "default" \(docker driver\) cannot build several platforms at once \(linux\/amd64, linux\/arm64\); no tag was pushed$/m);
    expect(multi.err).toMatch(/docker buildx create --name ci --driver docker-container --use/);
    expect(await servedDigest(`${platformRepo}:0.3.0`)).toBeNull();
  });

  it('--builder and BUILDX_BUILDER reach buildx', async () => {
    for (const [args, env] of [
      [['--builder', 'pycrane-no-such-builder'], {}],
      [[], { BUILDX_BUILDER: 'pycrane-no-such-builder' }],
    ] as const) {
      const r = await pycrane(dir, ['build', '--repository', repoFor('builder'), ...args], env);
      expect(r.code).toBe(1);
      expect(r.err).toContain('pycrane: no buildx builder named "pycrane-no-such-builder" (from --builder or BUILDX_BUILDER)\n');
    }
  });

  describe('registry build cache on an emptied builder', () => {
    const token = `pycrane-e2e-cache-${run}`;
    const cacheRepo = repoFor('cache');
    // Shaped like a generated Dockerfile (dependencies in their own stage, the venv copied into
    // the runtime stage), with the run's token in every step so its cache records can be found.
    const dockerfile = [
      '# syntax=docker/dockerfile:1',
      'FROM python:3.13-slim AS deps',
      `RUN : ${token} && python -m venv /opt/venv`,
      `RUN : ${token} && /opt/venv/bin/pip install --no-cache-dir hello-cow flask gunicorn requests django sqlalchemy alembic`,
      'FROM python:3.13-slim AS app',
      `RUN : ${token} && useradd --uid 10001 --user-group --no-create-home app`,
      `RUN --mount=type=bind,from=deps,source=/opt/venv,target=/mnt/venv : ${token} && cp -a /mnt/venv /opt/venv`,
      `RUN --mount=type=bind,source=app.py,target=/mnt/app.py : ${token} && mkdir /app && cp /mnt/app.py /app/app.py`,
      'ENV PATH=/opt/venv/bin:$PATH',
      'USER 10001:10001',
      'CMD ["python", "/app/app.py"]',
      '',
    ].join('\n');

    /** ids of this run's BuildKit cache records (`docker buildx du --verbose`). */
    function myRecords(): string[] {
      return sh('docker', ['buildx', 'du', '--verbose'])
        .split('\n\n')
        .map((record) => Object.fromEntries(record.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()])) as Record<string, string>)
        .filter((record) => record.Description?.includes(token))
        .map((record) => record.ID ?? '')
        .filter(Boolean);
    }

    /** Prunes this run's records only; a record goes once no image and no child record holds it (leaves first, so several rounds). */
    function emptyBuilderOfThisRun(): void {
      for (let round = 0; round < 6 && myRecords().length > 0; round++) {
        for (const id of myRecords()) spawnSync('docker', ['builder', 'prune', '--force', '--filter', `id=${id}`], { encoding: 'utf8' });
      }
      expect(myRecords()).toEqual([]);
    }

    it('cold, pushed with --cache-to type=inline, builder emptied and images removed: the dependency layers come from the registry', async () => {
      const cacheDir = project('cache', dockerfile);
      const cold = await pycrane(cacheDir, ['build', '--json', '--repository', cacheRepo, '--network', 'host', '--progress', 'plain']);
      expect(cold.code, cold.err.slice(-2000)).toBe(0);
      expect(stepCached(cold.err, 'pip install --no-cache-dir hello-cow')).toBe(false);
      const coldMs = parseBuild(cold.out).durationMs;

      const { result: pushed } = await pushJson(cacheDir, cacheRepo, ['--cache-to', 'type=inline']);
      const ref = `${cacheRepo}:0.3.0`;
      expect(await servedDigest(ref)).toBe(pushed.digest);

      removeLocal(cacheRepo);
      emptyBuilderOfThisRun();
      const logBefore = readFileSync(registryLog, 'utf8').length;

      const warm = await pycrane(cacheDir, ['build', '--json', '--repository', cacheRepo, '--network', 'host', '--progress', 'plain', '--cache-from', ref]);
      expect(warm.code, warm.err.slice(-2000)).toBe(0);
      expect(warm.err).toContain(`importing cache manifest from ${ref}`);
      expect(stepCached(warm.err, 'pip install --no-cache-dir hello-cow')).toBe(true);
      expect(stepCached(warm.err, 'cp -a /mnt/venv /opt/venv')).toBe(true);
      expect(warm.err).not.toMatch(/^#\d+ \d+\.\d+ (Collecting|Successfully installed)/m);
      const pulls = readFileSync(registryLog, 'utf8').slice(logBefore).split('\n').filter((line) => line.includes(`GET /v2/${cacheRepo.slice(registry.length + 1)}/blobs/`));
      expect(pulls.length).toBeGreaterThanOrEqual(3); // config + the app stage's layers, from the registry
      const warmResult = parseBuild(warm.out);
      expect(sh('docker', ['run', '--rm', '--entrypoint', 'python', warmResult.imageId, '-c', 'import django, flask, hello; print("ok")']).trim()).toBe('ok');
      const warmMs = warmResult.durationMs;
      console.log(
        `[numbers] registry cache (type=inline, docker driver): cold build ${(coldMs / 1000).toFixed(1)} s, on an emptied builder from ${ref} ${(warmMs / 1000).toFixed(1)} s, saved ${((coldMs - warmMs) / 1000).toFixed(1)} s; ${pulls.length} blobs pulled from the registry`,
      );
      expect(warmMs).toBeLessThan(coldMs);
      removeLocal(cacheRepo);
      emptyBuilderOfThisRun();
    });

    it('--cache-to type=registry on the docker driver: reworded, exit 1', async () => {
      const cacheDir = path.join(work, 'cache');
      const r = await pycrane(cacheDir, ['build', '--repository', cacheRepo, '--network', 'host', '--cache-to', `type=registry,ref=${cacheRepo}:buildcache,mode=max`]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('pycrane: --cache-to type=registry: the builder "default" (docker driver) exports only type=inline cache\n');
    });
  });
});
