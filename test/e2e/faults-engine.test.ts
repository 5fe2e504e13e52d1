/**
 * Real faults under `pycrane build`, `verify` and `dev`: the docker CLI killed mid-build, and
 * the engine that stops answering mid-way (DOCKER_HOST points at a socket proxy that the test
 * cuts, as a stopped dockerd would look to the client, while the real engine serves the other
 * tests). Each must exit 3 with one clear line; no tag may point at an image of the unfinished
 * build; `dev` must leave nothing up half-configured.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must, sh } from '../support/docker.js';
import { engineAvailable, skipReason } from '../support/engine.js';
import { type EngineProxy, startEngineProxy } from '../support/engine-proxy.js';

const repo = path.join(import.meta.dirname, '..', '..');
const bin = path.join(repo, 'dist', 'cli.js');
const unique = `pcfault${process.pid}`;

interface Running {
  readonly child: ChildProcess;
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  readonly stderr: () => string;
}

function pycrane(args: readonly string[], env: NodeJS.ProcessEnv = {}): Running {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => void (stdout += c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => void (stderr += c));
  return { child, done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr }))), stderr: () => stderr };
}

async function waitFor(predicate: () => boolean, what: string, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every process below pid, deepest first (the docker CLI and its buildx/compose plugin). */
function descendants(pid: number): number[] {
  const children = sh('ps', ['-o', 'pid=', '--ppid', String(pid)]).stdout.split('\n').map((s) => Number(s.trim())).filter((n) => n > 0);
  return children.flatMap((c) => [...descendants(c), c]);
}

/** `pycrane: ...` lines: the one clear line (hints follow on lines of their own). */
const errorLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('pycrane: ') && !l.startsWith('pycrane: warning: '));

/** Image ids of every tag of the repository: what a half-built image would change. */
function tagsOf(repository: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of sh('docker', ['image', 'ls', '--no-trunc', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}', repository]).stdout.split('\n')) {
    const [tag, id] = line.trim().split(' ');
    if (tag && id) out[tag] = id;
  }
  return out;
}

const containersOf = (project: string) => sh('docker', ['ps', '--all', '--quiet', '--filter', `label=com.docker.compose.project=${project}`]).stdout.trim();

/** A project whose app stage sleeps as long as SLEEP says: a build that is slow on purpose. */
async function slowProject(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'pycrane-faults-engine-')), unique);
  await import('node:fs/promises').then((fs) => fs.mkdir(dir));
  await writeFile(path.join(dir, 'pyproject.toml'), `[project]\nname = "${unique}"\nversion = "0.1.0"\nrequires-python = ">=3.11"\n`);
  await writeFile(path.join(dir, '.python-version'), '3.13\n');
  await writeFile(
    path.join(dir, 'Dockerfile'),
    ['FROM python:3.13-slim AS app', 'ARG NONCE', 'ARG SLEEP=0', 'RUN echo "$NONCE" > /nonce && sleep "$SLEEP"', 'USER 10001:10001', 'CMD ["python", "-c", "print(1)"]', ''].join('\n'),
  );
  await writeFile(
    path.join(dir, 'compose.yaml'),
    [
      'services:',
      '  db:',
      '    image: redis:8',
      '    healthcheck: {test: ["CMD-SHELL", "test -f /tmp/never"], interval: 1s, retries: 1000}',
      '  dev:',
      '    image: redis:8',
      '    depends_on: {db: {condition: service_healthy}}',
      '  slow:',
      `    build: {context: ., target: app, args: {SLEEP: "120", NONCE: "${Date.now()}"}}`,
      '',
    ].join('\n'),
  );
  return dir;
}

describe.skipIf(!engineAvailable)(`the engine fails mid-way${engineAvailable ? '' : ` (skipped: ${skipReason})`}`, () => {
  let dir: string;
  let before: Record<string, string>;
  const proxies: EngineProxy[] = [];

  beforeAll(async () => {
    if (!existsSync(bin)) must('npm', ['run', 'build'], { cwd: repo });
    dir = await slowProject();
    const first = await pycrane(['build', dir, '--build-arg', 'SLEEP=0', '--build-arg', 'NONCE=first']).done;
    expect(first.code, first.stderr).toBe(0);
    before = tagsOf(unique);
    expect(Object.keys(before).length).toBeGreaterThan(0);
  });

  afterAll(async () => {
    for (const p of proxies) await p.close();
    for (const project of [unique, `${unique}b`]) sh('docker', ['compose', '-p', project, 'down', '--volumes', '--remove-orphans']);
    const images = Object.keys(tagsOf(unique));
    if (images.length > 0) sh('docker', ['image', 'rm', '--force', ...images]);
  });

  const slowBuild = (env: NodeJS.ProcessEnv = {}) =>
    pycrane(['build', dir, '--progress', 'plain', '--build-arg', 'SLEEP=120', '--build-arg', `NONCE=${Math.random()}`], env);

  it('build: the docker CLI killed mid-build is exit 3 in one line, and every tag still names the old image', async () => {
    const run = slowBuild();
    // BuildKit is building once the buildx plugin runs; its slow step starts within seconds.
    await waitFor(() => descendants(run.child.pid as number).some((pid) => /buildx/.test(sh('cat', [`/proc/${pid}/cmdline`]).stdout)), 'docker buildx');
    await new Promise((r) => setTimeout(r, 3000));
    // The docker CLI first, then its plugin: killed the other way round, docker exits 255 on its own.
    for (const pid of descendants(run.child.pid as number).reverse()) spawnSync('kill', ['-KILL', String(pid)]);
    const exit = await run.done;
    expect(exit.code, exit.stderr).toBe(3);
    expect(errorLines(exit.stderr)).toEqual([expect.stringMatching(/^pycrane: the docker CLI was killed by SIGKILL while running `docker buildx build`/)]);
    expect(tagsOf(unique)).toEqual(before);
  });

  it('build: the engine that stops answering mid-build is exit 3 in one line, and no tag moved', async () => {
    let timer: NodeJS.Timeout | undefined;
    const proxy = await startEngineProxy({
      onRequest: (line, p) => {
        if (/\/(grpc|session|build\?)/.test(line) && !timer) timer = setTimeout(() => void p.cut(), 2000);
      },
    });
    proxies.push(proxy);
    const exit = await slowBuild({ DOCKER_HOST: proxy.host }).done;
    expect(exit.code, exit.stderr).toBe(3);
    expect(errorLines(exit.stderr)).toEqual([expect.stringMatching(/^pycrane: the Docker engine at DOCKER_HOST=unix:\S+ stopped answering during `docker buildx build`/)]);
    expect(tagsOf(unique)).toEqual(before);
  });

  it('verify: the engine that stops answering when the container is created is exit 3 in one line', async () => {
    const proxy = await startEngineProxy({
      onRequest: (line, p) => {
        if (/\/containers\/create/.test(line)) void p.cut();
      },
    });
    proxies.push(proxy);
    const image = Object.keys(before)[0] as string;
    const exit = await pycrane(['verify', image], { DOCKER_HOST: proxy.host }).done;
    expect(exit.code, exit.stderr).toBe(3);
    expect(errorLines(exit.stderr)).toEqual([expect.stringMatching(/^pycrane: the Docker engine at DOCKER_HOST=unix:\S+ stopped answering during `docker [a-z]+( [a-z]+)?`: /)]);
  });

  it('dev: the engine that stops answering while the image builds is exit 3, and no container of the project exists', async () => {
    let timer: NodeJS.Timeout | undefined;
    const proxy = await startEngineProxy({
      onRequest: (line, p) => {
        if (/\/(grpc|session|build\?)/.test(line) && !timer) timer = setTimeout(() => void p.cut(), 2000);
      },
    });
    proxies.push(proxy);
    const exit = await pycrane(['dev', dir, '--service', 'slow', '--detach'], { DOCKER_HOST: proxy.host, COMPOSE_PROJECT_NAME: `${unique}b` }).done;
    expect(exit.code, exit.stderr).toBe(3);
    expect(errorLines(exit.stderr)).toEqual([expect.stringMatching(/stopped answering during `docker compose up`/)]);
    expect(containersOf(`${unique}b`)).toBe('');
  });

  it('dev: compose killed while a dependency is up removes what this run started (nothing stays half-configured)', async () => {
    const run = pycrane(['dev', dir, '--service', 'dev', '--detach', '--no-build'], { COMPOSE_PROJECT_NAME: unique });
    await waitFor(() => sh('docker', ['ps', '--quiet', '--filter', `label=com.docker.compose.project=${unique}`, '--filter', 'label=com.docker.compose.service=db']).stdout.trim() !== '', 'the db container');
    // The docker CLI first, then its plugin: killed the other way round, docker exits 255 on its own.
    for (const pid of descendants(run.child.pid as number).reverse()) spawnSync('kill', ['-KILL', String(pid)]);
    const exit = await run.done;
    expect(exit.code, exit.stderr).toBe(3);
    expect(errorLines(exit.stderr)).toEqual([expect.stringMatching(/^pycrane: the docker CLI was killed by SIGKILL while running `docker compose up`/)]);
    expect(containersOf(unique)).toBe('');
  });
});
