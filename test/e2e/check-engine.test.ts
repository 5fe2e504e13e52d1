/**
 * `pycrane check --engine` on the real engine: PC201 takes each base image's configured user from
 * `docker image inspect` instead of pycrane's table. The lab's python:3.13-slim and postgres:17 run as
 * root (no Config.User); an image built here with `USER 1000` is seen as non-root, though the table
 * does not know it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { sh } from '../support/docker.js';
import { engineAvailable, skipReason } from '../support/engine.js';

const BASE = `pycrane-e2e-check-engine-uid1000:${process.pid}`;

describe.skipIf(!engineAvailable)(`check --engine reads base images' users ${skipReason}`, () => {
  let dir = '';
  const project = (name: string, dockerfile: string) => {
    const p = path.join(dir, name);
    mkdirSync(p);
    writeFileSync(path.join(p, 'Dockerfile'), dockerfile);
    return p;
  };
  const pc201 = async (p: string, engine: boolean) => {
    const r = await cli(['check', path.join(p, 'Dockerfile'), '--no-project', '--format', 'json', ...(engine ? ['--engine'] : [])], dir, process.env);
    // The JSON report has no message ids: tell PC201's two messages apart by their text.
    const found = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; message: string }[] }).diagnostics
      .filter((d) => d.ruleId === 'PC201')
      .map((d) => (/does not know whether/.test(d.message) ? 'unknownBase' : /never sets USER, so the app runs as root/.test(d.message) ? 'noUser' : d.message));
    return { found, stderr: r.stderr };
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pycrane-check-engine-'));
    const ctx = project('base', 'FROM debian:trixie-slim\nRUN useradd --uid 1000 --create-home labuser\nUSER 1000\n');
    const built = sh('docker', ['build', '-q', '-t', BASE, ctx], { timeoutMs: 300_000 });
    expect(built.code, built.stderr).toBe(0);
  }, 300_000);
  afterAll(() => {
    sh('docker', ['rmi', '-f', BASE]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a base the table does not know: unknown without the engine, non-root with it', async () => {
    const p = project('uid1000', `FROM ${BASE}\nCMD ["python3", "-m", "http.server"]\n`);
    expect((await pc201(p, false)).found).toEqual(['unknownBase']);
    expect((await pc201(p, true)).found).toEqual([]);
  });

  it('python:3.13-slim runs as root by its config', async () => {
    expect(sh('docker', ['image', 'inspect', '--format', '{{.Config.User}}', 'python:3.13-slim']).stdout.trim()).toBe('');
    const p = project('python', 'FROM python:3.13-slim\nCMD ["python", "-m", "http.server"]\n');
    expect((await pc201(p, true)).found).toEqual(['noUser']);
  });

  it('postgres:17 runs as root by its config: reported once its entrypoint is replaced', async () => {
    expect(sh('docker', ['image', 'inspect', '--format', '{{.Config.User}}', 'postgres:17']).stdout.trim()).toBe('');
    expect((await pc201(project('postgres-own', 'FROM postgres:17\nENTRYPOINT ["python3", "/app.py"]\n'), true)).found).toEqual(['noUser']);
  });

  it('an image the engine does not have falls back to the table and says so', async () => {
    const p = project('missing', 'FROM pycrane-e2e-no-such-image:1\nCMD ["app"]\n');
    const r = await pc201(p, true);
    expect(r.found).toEqual(['unknownBase']);
    expect(r.stderr).toMatch(/the engine has no pycrane-e2e-no-such-image:1/);
  });
});
