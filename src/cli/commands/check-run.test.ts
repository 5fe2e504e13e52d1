import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureContext } from '../../../test/support/cli.js';
import { runCli } from '../main.js';

const work = mkdtempSync(path.join(tmpdir(), 'pycrane-check-run-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function check(args: string[], cwd = work) {
  const captured = captureContext(cwd);
  const code = await runCli(args, captured.ctx);
  return { code, out: captured.out(), err: captured.err() };
}

function project(name: string, files: Record<string, string>, dirs: readonly string[] = []): string {
  const dir = path.join(work, name);
  for (const d of dirs) mkdirSync(path.join(dir, d), { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('pycrane check on inputs that crashed it', () => {
  it.each([
    ['dockerComposeFile', '{\n  "name": "x",\n  "dockerComposeFile": "compose",\n  "service": "app"\n}\n', 3],
    ['dockerComposeFile (a list)', '{\n  "dockerComposeFile": [\n    "ok.yaml",\n    "compose"\n  ],\n  "service": "app"\n}\n', 4],
    ['build.dockerfile', '{\n  "build": {\n    "dockerfile": "docker"\n  }\n}\n', 3],
  ])('a devcontainer.json whose %s names a folder: exit 2 with its file:line', async (_, json, line) => {
    const dir = project(`dc-dir-${line}-${json.length}`, { '.devcontainer/devcontainer.json': json }, ['.devcontainer/compose', '.devcontainer/docker']);
    const r = await check(['check', dir, '--no-project']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`.devcontainer/devcontainer.json:${line}`);
    expect(r.err).toMatch(/it is a folder, not a file/);
  });

  // 7,000 lines keep it under the 256 KiB a Dockerfile may have (MAX_DOCKERFILE_CHARS), with 9 unpinned packages a
  // line. 200,000 findings from one rule are in src/lint/robustness.test.ts.
  it('7,000 RUN lines: every finding reaches the report (no spread of them into push)', async () => {
    const lines = ['FROM python:3.12-slim'];
    for (let i = 0; i < 7_000; i++) lines.push('RUN pip install a b c d e f g h i');
    const dir = project('runs', { Dockerfile: `${lines.join('\n')}\n`, '.dockerignore': '.venv\n.git\n.env\n' });
    const r = await check(['check', dir, '--no-project', '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.out.split('\n').length).toBeGreaterThan(63_000);
  }, 60_000);

  it('a package path of 5,000 characters or with a NUL byte: the project is still read (no internal error)', async () => {
    const pyproject = (include: string) => `[tool.poetry]\nname = "app"\nversion = "1.0.0"\npackages = [{ include = "${include}" }]\n\n[tool.poetry.dependencies]\npython = "^3.12"\n`;
    for (const [name, include] of [['long', 'a'.repeat(5000)], ['nul', 'a\\u0000b']] as const) {
      const dir = project(`pkg-${name}`, { 'pyproject.toml': pyproject(include), Dockerfile: 'FROM python:3.11-slim\n', '.dockerignore': '.venv\n.git\n.env\n' });
      const r = await check(['check', dir, '--format', 'json']);
      expect(r.err, name).toBe('');
      const ids = (JSON.parse(r.out) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId);
      expect(ids, name).toContain('PC502'); // the facts were read: python ^3.12 against a 3.11 base
      expect(ids, name).not.toContain('PC190');
    }
  });
});
