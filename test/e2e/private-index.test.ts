/**
 * The generated setup against a private index: the example's Poetry source and pip's index
 * point at the lab mirror behind basic auth; credentials travel only as the `netrc` BuildKit
 * secret. Without the secret the build fails (the index really is private); with it, it
 * succeeds, and the credentials are in no layer, not in the history, not in the config.
 */
import { readFile, readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poetryContentHash } from '../../src/inspect/poetry-lock/content-hash.js';
import { type AuthProxy, startAuthProxy } from '../support/auth-proxy.js';
import { cli } from '../support/cli.js';
import { copyExample, must, shAsync } from '../support/docker.js';
import { engineAvailable, skipReason } from '../support/engine.js';

async function layerFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.tar')) out.push(path.join(entry.parentPath, entry.name));
  }
  return out;
}

describe.skipIf(!engineAvailable)(`generated setup with a private index${engineAvailable ? '' : ` (skipped: ${skipReason})`}`, () => {
  let proxy: AuthProxy;
  let dir = '';
  let netrc = '';
  const tag = 'pycrane-e2e-private:app';

  beforeAll(async () => {
    proxy = await startAuthProxy();
    dir = await copyExample('poetry2-cli');
    const mirror = 'http://127.0.0.1:3141/trixie/simple';
    const index = `http://127.0.0.1:${proxy.port}/trixie/simple`;
    // Point the Poetry source and the lock at the private index; the lock's content-hash
    // covers the sources, so recompute it (our implementation is checked against Poetry's).
    const pyprojectPath = path.join(dir, 'pyproject.toml');
    const pyproject = (await readFile(pyprojectPath, 'utf8')).replaceAll(mirror, index);
    await writeFile(pyprojectPath, pyproject);
    const hash = poetryContentHash(parseToml(pyproject), { poetryMajor: 2 });
    const lockPath = path.join(dir, 'poetry.lock');
    const lock = (await readFile(lockPath, 'utf8')).replaceAll(mirror, index).replace(/^content-hash = ".*"$/m, `content-hash = "${hash}"`);
    await writeFile(lockPath, lock);
    expect((await cli(['init', dir, '--yes'])).code).toBe(0);
    const secrets = path.join(dir, '..', `${path.basename(dir)}-secrets`);
    await mkdir(secrets, { recursive: true });
    netrc = path.join(secrets, 'netrc');
    await writeFile(netrc, `machine 127.0.0.1 login ${proxy.user} password ${proxy.password}\n`, { mode: 0o600 });
  });

  afterAll(async () => {
    await proxy.close();
  });

  // Asynchronously: the proxy runs in this process and must answer while BuildKit builds.
  const build = (extra: string[]) =>
    shAsync('docker', [
      'buildx', 'build', '--network', 'host', '--load', '--progress', 'plain', '--no-cache', '--target', 'app', '-t', tag,
      '--build-arg', `PIP_INDEX_URL=http://127.0.0.1:${proxy.port}/trixie/simple/`, ...extra, dir,
    ]);

  it('fails without the credentials: the index is private', async () => {
    const rejected = proxy.seen.rejected;
    const run = await build([]);
    expect(run.code).not.toBe(0);
    expect(proxy.seen.rejected).toBeGreaterThan(rejected);
  });

  it('builds with the netrc secret, and the credentials are nowhere in the image', async () => {
    const authorized = proxy.seen.authorized;
    const run = await build(['--secret', `id=netrc,src=${netrc}`]);
    expect(run.code, run.stderr.split('\n').slice(-30).join('\n')).toBe(0);
    expect(proxy.seen.authorized).toBeGreaterThan(authorized); // pip and Poetry went through it
    expect(must('docker', ['run', '--rm', tag, 'greet', 'private']).stdout).toContain('Hello, private!');

    const history = must('docker', ['history', '--no-trunc', tag]).stdout;
    // The final image's history holds only the app stage's steps: the installs (and their
    // PIP_INDEX_URL build arg) stayed in the builder stages.
    expect(history).toContain('COPY /opt/venv /opt/venv');
    expect(history).not.toContain(`127.0.0.1:${proxy.port}`);
    expect(history).not.toContain(proxy.password);
    expect(must('docker', ['image', 'inspect', tag]).stdout).not.toContain(proxy.password);

    const saved = path.join(dir, '..', `${path.basename(dir)}-saved`);
    await mkdir(saved, { recursive: true });
    must('sh', ['-c', 'docker save "$1" | tar -x -C "$2"', 'save', tag, saved]);
    const layers = await layerFiles(saved);
    expect(layers.length).toBeGreaterThan(1);
    let found = false;
    for (const layer of layers) {
      const bytes = await readFile(layer);
      expect(bytes.includes(proxy.password), `${layer} holds the password`).toBe(false);
      expect(bytes.includes(proxy.header.slice(6)), `${layer} holds the auth header`).toBe(false);
      if (bytes.includes('hello_cli-1.4.2.dist-info')) found = true;
    }
    expect(found).toBe(true); // the search finds what is there
    expect((await stat(netrc)).isFile()).toBe(true);
  });
});
