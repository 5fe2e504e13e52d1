import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureContext } from '../../../test/support/cli.js';
import { runCli } from '../main.js';

const work = mkdtempSync(path.join(tmpdir(), 'pycrane-check-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function check(args: string[], cwd = work) {
  const captured = captureContext(cwd);
  const code = await runCli(args, captured.ctx);
  return { code, out: captured.out(), err: captured.err() };
}

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const CLEAN = `# syntax=docker/dockerfile:1
FROM python:3.12-slim@sha256:${'a'.repeat(64)} AS build
RUN python -m venv /opt/venv
FROM python:3.12-slim@sha256:${'a'.repeat(64)} AS app
COPY --from=build /opt/venv /opt/venv
COPY . /app
ENV PYTHONUNBUFFERED=1
USER 10001:10001
CMD ["/opt/venv/bin/python", "-m", "app"]
FROM build AS dev
`;

describe('pycrane check', () => {
  it('exits 0 on a clean folder and prints nothing', async () => {
    project('clean', { Dockerfile: CLEAN, '.dockerignore': '.venv\n.git\n.env\n' });
    const r = await check(['check', 'clean']);
    expect(r.err).toBe('');
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('exits 1 on findings, with file:line:col, severity, message, rule and a code frame', async () => {
    project('bad', { Dockerfile: 'FROM python:latest AS app\nCMD python -m app\nFROM app AS dev\n', '.dockerignore': '.venv\n.git\n.env\n' });
    const r = await check(['check', 'bad']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Dockerfile:1:13 warning base image "python:latest" uses the latest tag');
    expect(r.out).toContain('PC601 image-tag-unpinned');
    expect(r.out).toContain('  1 | FROM python:latest AS app\n    |             ^^^^^^');
    expect(r.out.includes(String.fromCharCode(27))).toBe(false);
  });

  it('--fail-on error ignores warnings; --fail-on info fails on infos', async () => {
    project('warn', { Dockerfile: 'FROM python:latest AS app\nFROM app AS dev\n' });
    expect((await check(['check', 'warn', '--fail-on', 'error'])).code).toBe(0);
    project('info', { Dockerfile: CLEAN.replace(/@sha256:a+/g, ''), '.dockerignore': '.venv\n.git\n.env\n' });
    expect((await check(['check', 'info'])).code).toBe(0);
    expect((await check(['check', 'info', '--fail-on', 'info'])).code).toBe(1);
  });

  it('reads [tool.pycrane.check] from pyproject.toml (ignore, severity, fail-on)', async () => {
    const pyproject = '[project]\nname = "demo"\nversion = "0.1.0"\nrequires-python = ">=3.12"\n\n[tool.pycrane.check]\nignore = ["PC601"]\nfail-on = "error"\n';
    project('configured', { Dockerfile: 'FROM python:latest AS app\nUSER app\nFROM app AS dev\n', 'pyproject.toml': pyproject });
    const r = await check(['check', 'configured', '--format', 'json']);
    const doc = JSON.parse(r.out) as { diagnostics: { ruleId: string }[] };
    expect(doc.diagnostics.map((d) => d.ruleId)).not.toContain('PC601');
    expect(doc.diagnostics.map((d) => d.ruleId)).toContain('PC202');
    expect(r.code).toBe(0);
    expect((await check(['check', 'configured', '--fail-on', 'warning'])).code).toBe(1);
  });

  it('uses the project facts, and --no-project skips them', async () => {
    const pyproject = '[project]\nname = "demo"\nversion = "0.1.0"\nrequires-python = ">=3.12"\n';
    project('facts', { Dockerfile: CLEAN.replace(/3\.12-slim/g, '3.11-slim'), 'pyproject.toml': pyproject, '.dockerignore': '.venv\n.git\n.env\n' });
    const withFacts = await check(['check', 'facts', '--format', 'json']);
    expect(withFacts.out).toContain('"PC502"');
    expect(withFacts.code).toBe(1);
    const without = await check(['check', 'facts', '--no-project', '--format', 'json']);
    expect(without.out).not.toContain('"PC502"');
  });

  it('reports a broken pyproject.toml as PC190 and still lints the Dockerfile', async () => {
    project('broken', { Dockerfile: 'FROM python:latest AS app\nFROM app AS dev\n', 'pyproject.toml': '[project\nname = ' });
    const r = await check(['check', 'broken', '--format', 'json']);
    const ids = (JSON.parse(r.out) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId);
    expect(ids).toContain('PC190');
    expect(ids).toContain('PC601');
    expect(r.code).toBe(1);
  });

  it('a Dockerfile with a syntax error is a finding, not a crash', async () => {
    project('syntax', { Dockerfile: 'FROM python:3.12 AS app\nRUNN x\nFROM app AS dev\n' });
    const r = await check(['check', 'syntax/Dockerfile']);
    expect(r.out).toContain('syntax/Dockerfile:2:1 error unknown instruction "RUNN"');
    expect(r.code).toBe(1);
  });

  it('takes files, and finds compose files by name', async () => {
    project('files', { 'app.dockerfile': 'FROM python:3.12 AS app\nFROM app AS dev\n', 'compose.yaml': 'version: "3"\nservices: {}\n' });
    const r = await check(['check', 'files/app.dockerfile', 'files/compose.yaml', '--format', 'json']);
    expect(r.out).toContain('"file": "files/compose.yaml"');
    expect(r.out).toContain('"PC701"');
  });

  it('checks the compose file and Dockerfile a devcontainer.json names in .devcontainer/', async () => {
    const dir = project('devcontainer-folder', {
      '.devcontainer/devcontainer.json': '{\n  // JSONC\n  "dockerComposeFile": "docker-compose.yml",\n  "service": "web",\n  "workspaceFolder": "/app",\n}\n',
      '.devcontainer/docker-compose.yml': 'services:\n  app:\n    build:\n      context: ..\n      dockerfile: .devcontainer/Dockerfile\n',
      '.devcontainer/Dockerfile': 'FROM python:3.13-slim\nUSER 1000\nCMD ["sleep", "infinity"]\n',
      '.devcontainer/Dockerfile.dockerignore': '.venv\n.git\n',
    });
    const run = await check(['check', dir, '--format', 'json']);
    expect(run.err).toBe('');
    const found = (JSON.parse(run.out) as { diagnostics: { ruleId: string; file: string }[] }).diagnostics.map((d) => `${d.ruleId} ${d.file}`);
    expect(found).toContain('PC803 .devcontainer/devcontainer.json');
  });

  it('exits 2 on usage errors and unreadable input', async () => {
    expect((await check(['check', 'no-such-file/Dockerfile'])).code).toBe(2);
    project('empty', { 'README.md': 'hi' });
    const empty = await check(['check', 'empty']);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('no Dockerfile, compose file or devcontainer.json in empty');
    expect((await check(['check', 'empty/README.md'])).code).toBe(2);
    expect((await check(['check', 'clean', '--format', 'xml'])).code).toBe(2);
    if (process.getuid?.() !== 0) {
      const dir = project('locked', { Dockerfile: 'FROM python:3.12\n' });
      chmodSync(path.join(dir, 'Dockerfile'), 0o000);
      expect((await check(['check', 'locked/Dockerfile'])).code).toBe(2);
    }
  });

  it('prints SARIF and GitHub annotations', async () => {
    const sarif = await check(['check', 'bad', '--format', 'sarif']);
    const log = JSON.parse(sarif.out) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.results.map((r) => r.ruleId)).toContain('PC601');
    const gh = await check(['check', 'bad', '--format', 'github']);
    expect(gh.out).toContain('::warning file=Dockerfile,line=1,col=13,endLine=1,endColumn=19,title=PC601 image-tag-unpinned::base image');
  });
});

describe('pycrane rules', () => {
  it('lists every rule, and --json gives id, name, category, severity, summary', async () => {
    const text = await check(['rules']);
    expect(text.out).toMatch(/^PC100 {2}dockerfile-syntax/m);
    const json = JSON.parse((await check(['rules', '--json'])).out) as { id: string; name: string; category: string; severity: string; summary: string }[];
    expect(json.length).toBeGreaterThanOrEqual(28);
    expect(json[0]).toEqual(expect.objectContaining({ id: 'PC100', name: 'dockerfile-syntax', category: 'correctness', severity: 'error' }));
  });
});
