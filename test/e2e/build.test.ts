/**
 * pycrane build on the real engine: tags and OCI labels on the built image, a dirty tree,
 * another target, labels that leave the layer cache alone, and a private index behind basic
 * auth whose credentials (a BuildKit secret) end up in no layer and not in the history.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { captureContext } from '../support/cli.js';
import { type AuthProxy, startAuthProxy } from '../support/auth-proxy.js';
import { engineAvailable, skipReason } from '../support/engine.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/broken-images');
const repo = `pycrane-e2e-build-${process.pid}`;
const work = mkdtempSync(path.join(tmpdir(), 'pycrane-e2e-build-'));

function sh(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

function cli(cwd: string) {
  return captureContext(cwd, { ...process.env, CI: 'true' });
}

/** A git work tree holding the fixture project and the given Dockerfile. */
function project(name: string, dockerfile: string): string {
  const dir = path.join(work, name);
  cpSync(path.join(fixtures, 'context'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
  sh('git', ['init', '-q'], dir);
  sh('git', ['add', '-A'], dir);
  sh('git', ['-c', 'user.email=e2e@pycrane.invalid', '-c', 'user.name=e2e', 'commit', '-qm', 'fixture'], dir);
  sh('git', ['remote', 'add', 'origin', 'https://ci-bot:not-a-secret@github.com/acme/verify-fixture.git'], dir);
  return dir;
}

interface Inspected {
  Id: string;
  RepoTags: string[];
  Config: { Labels: Record<string, string> };
  RootFS: { Layers: string[] };
}
const inspect = (ref: string): Inspected => (JSON.parse(sh('docker', ['image', 'inspect', ref])) as Inspected[])[0] as Inspected;

async function build(dir: string, args: string[]) {
  const t = cli(dir);
  const code = await runCli(['build', '--json', '--repository', repo, '--network', 'host', ...args], t.ctx);
  if (code !== 0) throw new Error(`pycrane build exited ${code}:\n${t.err().slice(-3000)}`);
  return { result: JSON.parse(t.out()) as { imageId: string; tags: string[]; size: number; durationMs: number; target: string | null }, log: t.err() };
}

describe.skipIf(!engineAvailable)(`pycrane build on the lab engine${skipReason ? ` (${skipReason})` : ''}`, () => {
  const good = readFileSync(path.join(fixtures, 'good.Dockerfile'), 'utf8');
  let dir = '';
  let commit = '';

  beforeAll(() => {
    dir = project('good', good);
    commit = sh('git', ['rev-parse', 'HEAD'], dir).trim();
  });

  afterAll(() => {
    const mine = sh('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', repo]).split('\n').filter(Boolean);
    if (mine.length > 0) sh('docker', ['image', 'rm', '--force', ...mine]);
    rmSync(work, { recursive: true, force: true });
  });

  it('tags from version, Python and commit, and sets the OCI labels', async () => {
    const { result } = await build(dir, []);
    const sha = commit.slice(0, 12);
    expect(result.tags).toEqual([`${repo}:0.3.0`, `${repo}:0.3.0-py3.13`, `${repo}:sha-${sha}`]);
    expect(result.target).toBe('app');
    expect(result.size).toBeGreaterThan(100e6);
    const image = inspect(`${repo}:0.3.0`);
    expect(image.Id).toBe(result.imageId);
    expect([...image.RepoTags].sort()).toEqual([...result.tags].sort());
    const labels = image.Config.Labels;
    expect(labels).toMatchObject({
      'org.opencontainers.image.title': 'verify-fixture',
      'org.opencontainers.image.description': "The project whose images verify's e2e tests break one way each",
      'org.opencontainers.image.version': '0.3.0',
      'org.opencontainers.image.revision': commit,
      'org.opencontainers.image.source': 'https://github.com/acme/verify-fixture',
      'org.opencontainers.image.base.name': 'python:3.13-slim',
    });
    expect(labels['org.opencontainers.image.created']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(JSON.stringify(labels)).not.toMatch(/not-a-secret/);
  });

  it('labels on the command line leave every layer cached', async () => {
    const first = await build(dir, ['--label', 'com.example.run=1']);
    const second = await build(dir, ['--label', 'com.example.run=2']);
    // The dependency step (pip install) is CACHED, and the two images share every layer;
    // only the config (labels) differs.
    const pipStep = second.log.split('\n').filter((line) => /pip install hello-cow/.test(line));
    expect(pipStep.length).toBeGreaterThan(0);
    const stepId = /^(#\d+) /.exec(pipStep[0] ?? '')?.[1] ?? '';
    expect(second.log).toMatch(new RegExp(`^${stepId} CACHED$`, 'm'));
    expect(second.log).not.toMatch(/^#\d+ \[.*\] RUN .*\n#\d+ \d+\.\d+ /m);
    expect(second.result.imageId).not.toBe(first.result.imageId);
    expect(inspect(second.result.imageId).RootFS.Layers).toEqual(inspect(first.result.imageId).RootFS.Layers);
    expect(inspect(second.result.imageId).Config.Labels['com.example.run']).toBe('2');
  });

  it('marks a dirty work tree: only sha-<12>-dirty, revision -dirty', async () => {
    const dirty = project('dirty', good);
    appendFileSync(path.join(dirty, 'app.py'), '# local change\n');
    const head = sh('git', ['rev-parse', 'HEAD'], dirty).trim();
    const { result, log } = await build(dirty, ['--latest']);
    expect(result.tags).toEqual([`${repo}:sha-${head.slice(0, 12)}-dirty`]);
    expect(inspect(result.tags[0] ?? '').Config.Labels['org.opencontainers.image.revision']).toBe(`${head}-dirty`);
    expect(log).toMatch(/uncommitted changes/);
  });

  it('builds another target under its own tags', async () => {
    const { result } = await build(dir, ['--target', 'build']);
    expect(result.target).toBe('build');
    expect(result.tags).toEqual([`${repo}:0.3.0-build`, `${repo}:0.3.0-py3.13-build`, `${repo}:sha-${commit.slice(0, 12)}-build`]);
    expect(inspect(result.imageId).Config.Labels['org.opencontainers.image.version']).toBe('0.3.0');
  });

  describe('private index behind basic auth', () => {
    let proxy: AuthProxy;
    let user = '';
    let password = '';
    let expected = '';
    let port = 0;
    let seen = { authorized: 0, rejected: 0 };

    beforeAll(async () => {
      proxy = await startAuthProxy();
      ({ user, password, port, seen } = proxy);
      expected = proxy.header;
    });

    afterAll(async () => {
      await proxy.close();
    });

    it('installs through the proxy with a netrc secret that lands in no layer and not in the history', async () => {
      const privateDir = project(
        'private',
        [
          '# syntax=docker/dockerfile:1',
          'FROM python:3.13-slim AS app',
          'RUN python -m venv /opt/venv',
          `RUN --mount=type=secret,id=netrc,target=/root/.netrc /opt/venv/bin/pip install --no-cache-dir --index-url http://127.0.0.1:${port}/trixie/simple/ hello-cow`,
          'ENV PATH=/opt/venv/bin:$PATH',
          'CMD ["python", "-c", "import hello; print(hello.__name__)"]',
          '',
        ].join('\n'),
      );
      const netrc = path.join(work, 'netrc');
      writeFileSync(netrc, `machine 127.0.0.1 login ${user} password ${password}\n`, { mode: 0o600 });
      const { result } = await build(privateDir, ['--secret', `id=netrc,src=${netrc}`, '--progress', 'plain']);
      expect(seen.authorized).toBeGreaterThan(0); // pip really went through the proxy with the credentials
      expect(sh('docker', ['run', '--rm', result.imageId]).trim()).toBe('hello');

      const history = sh('docker', ['history', '--no-trunc', result.imageId]);
      expect(history).toContain(`127.0.0.1:${port}`); // the step is there ...
      expect(history).not.toContain(password); // ... without the credentials
      expect(sh('docker', ['image', 'inspect', result.imageId])).not.toContain(password);

      const saved = path.join(work, 'saved');
      sh('mkdir', ['-p', saved]);
      sh('sh', ['-c', `docker save "$1" | tar -x -C "$2"`, 'save', result.imageId, saved]);
      const layers: string[] = [];
      const walk = (d: string) => {
        for (const name of readdirSync(d)) {
          const p = path.join(d, name);
          if (statSync(p).isDirectory()) walk(p);
          else if (name === 'layer.tar' || name.endsWith('.tar')) layers.push(p);
        }
      };
      walk(saved);
      expect(layers.length).toBeGreaterThan(1);
      let helloSeen = false;
      for (const layer of layers) {
        const bytes = readFileSync(layer);
        expect(bytes.includes(password), `${layer} holds the password`).toBe(false);
        expect(bytes.includes(Buffer.from(expected.slice(6))), `${layer} holds the auth header`).toBe(false);
        if (bytes.includes('hello_cow-1.0.0.dist-info')) helloSeen = true;
      }
      expect(helloSeen).toBe(true); // the search does find what is there
    });

    it('control: the same credentials passed the wrong way (a build arg) do leak, and verify says so', async () => {
      const leakyDir = project(
        'leaky',
        [
          '# syntax=docker/dockerfile:1',
          'FROM python:3.13-slim AS app',
          'RUN python -m venv /opt/venv',
          'ARG PIP_INDEX_URL',
          'RUN /opt/venv/bin/pip install --no-cache-dir hello-cow',
          'ENV PATH=/opt/venv/bin:$PATH',
          'CMD ["python", "-c", "import hello"]',
          '',
        ].join('\n'),
      );
      const before = seen.authorized;
      const { result } = await build(leakyDir, ['--build-arg', `PIP_INDEX_URL=http://${user}:${password}@127.0.0.1:${port}/trixie/simple/`]);
      expect(seen.authorized).toBeGreaterThan(before);
      expect(sh('docker', ['history', '--no-trunc', result.imageId])).toContain(password);
      const t = cli(leakyDir);
      expect(await runCli(['verify', result.imageId, '--json'], t.ctx)).toBe(1);
      const report = JSON.parse(t.out()) as { checks: { id: string; status: string; evidence: string[] }[] };
      const creds = report.checks.find((c) => c.id === 'no-credentials');
      expect(creds?.status).toBe('fail');
      expect(creds?.evidence.join('\n')).toMatch(/history .*URL with a password/);
      expect(JSON.stringify(report)).not.toContain(password); // the report masks it
    });
  });
});
