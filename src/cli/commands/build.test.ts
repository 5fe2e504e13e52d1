import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../context.js';
import { runCli } from '../main.js';
import { buildOptionsFrom } from './build-run.js';

const work = mkdtempSync(path.join(tmpdir(), 'pycrane-build-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

writeFileSync(
  path.join(work, 'pyproject.toml'),
  '[project]\nname = "demo"\nversion = "0.1.0"\nrequires-python = ">=3.11"\ndependencies = []\n\n[tool.poetry]\npackage-mode = false\n',
);
writeFileSync(path.join(work, 'Dockerfile'), 'FROM python:3.13-slim AS app\n');

function ctxWith(env: Record<string, string>, tty = false) {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    cwd: work,
    env: { PATH: process.env.PATH ?? '/usr/bin', ...env },
    stdout: { write: (s: string) => void (out += s) },
    stderr: { write: (s: string) => void (err += s), isTTY: tty },
    color: false,
    interactive: false,
  };
  return { ctx, out: () => out, err: () => err };
}

describe('pycrane build / verify without an engine', () => {
  it('exit 3 with a hint when the docker CLI is missing', async () => {
    const t = ctxWith({ PYCRANE_DOCKER: '/nonexistent/docker' });
    expect(await runCli(['build'], t.ctx)).toBe(3);
    expect(t.err()).toMatch(/not installed/);
    expect(t.err()).toMatch(/DOCKER_HOST/);
  });

  it('exit 3 when no daemon answers at DOCKER_HOST', async () => {
    const t = ctxWith({ DOCKER_HOST: `unix://${path.join(work, 'no.sock')}` });
    expect(await runCli(['verify', 'some-image:1'], t.ctx)).toBe(3);
    expect(t.err()).toMatch(/no Docker engine answers at DOCKER_HOST=/);
  });

  it('exit 2 for usage errors before touching docker', async () => {
    const t = ctxWith({ PYCRANE_DOCKER: '/nonexistent/docker' });
    expect(await runCli(['build', '--push', '--load'], t.ctx)).toBe(2);
    expect(t.err()).toMatch(/exclude each other/);
    const u = ctxWith({});
    expect(await runCli(['build', path.join(work, 'missing')], u.ctx)).toBe(2);
  });
});

describe('buildOptionsFrom', () => {
  it('draws BuildKit progress on a terminal, plain elsewhere and in CI', () => {
    expect(buildOptionsFrom(ctxWith({}, true).ctx, {})).toMatchObject({ terminal: true, options: { progress: 'tty', output: 'load' } });
    expect(buildOptionsFrom(ctxWith({}, false).ctx, {})).toMatchObject({ terminal: false, options: { progress: 'plain' } });
    expect(buildOptionsFrom(ctxWith({ CI: 'true' }, true).ctx, {})).toMatchObject({ terminal: false, options: { progress: 'plain' } });
    expect(buildOptionsFrom(ctxWith({}, true).ctx, { progress: 'plain' })).toMatchObject({ terminal: false });
    expect(() => buildOptionsFrom(ctxWith({}).ctx, { progress: 'fancy' })).toThrow(/--progress/);
  });
  it('maps --push, --builder, --allow-dirty and --force', () => {
    expect(buildOptionsFrom(ctxWith({}).ctx, { push: true }).options).toMatchObject({ output: 'push', allowDirty: false, force: false });
    expect(buildOptionsFrom(ctxWith({}).ctx, { push: true, builder: 'ci', allowDirty: true, force: true }).options).toMatchObject({ builder: 'ci', allowDirty: true, force: true });
    expect(() => buildOptionsFrom(ctxWith({}).ctx, { allowDirty: true })).toThrow('--allow-dirty only applies with --push');
    expect(() => buildOptionsFrom(ctxWith({}).ctx, { force: true })).toThrow('--force only applies with --push');
  });

  it('takes --tags as the automatic tag kinds of this build, and rejects unknown kinds', () => {
    expect(buildOptionsFrom(ctxWith({}).ctx, { tags: 'sha' }).options.autoTags).toEqual(['sha']);
    expect(buildOptionsFrom(ctxWith({}).ctx, { tags: 'version, sha' }).options.autoTags).toEqual(['version', 'sha']);
    expect(buildOptionsFrom(ctxWith({}).ctx, {}).options.autoTags).toBeUndefined();
    expect(() => buildOptionsFrom(ctxWith({}).ctx, { tags: 'sha,nightly' })).toThrow('--tags takes a comma-separated list of version, version-python, minor, major, sha; got "sha,nightly"');
  });

  it('lists the push options in --help', async () => {
    const t = ctxWith({});
    expect(await runCli(['build', '--help'], t.ctx)).toBe(0);
    for (const option of ['--allow-dirty', '--force', '--builder <name>', '--cache-to <dest>', 'type=gha,mode=max']) expect(t.out()).toContain(option);
    const v = ctxWith({});
    expect(await runCli(['verify', '--help'], v.ctx)).toBe(0);
    expect(v.out()).toContain('--pull');
    expect(v.out()).toContain('REGISTRY/NAME@sha256:');
  });
});
