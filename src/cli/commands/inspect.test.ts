import { mkdtempSync, mkdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { captureContext } from '../../../test/support/cli.js';
import { runCli } from '../main.js';

const fixtures = fileURLToPath(new URL('../../inspect/__fixtures__/real-locks/', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'pycrane-inspect-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fakeCtx = (cwd = work) => captureContext(cwd);

/** A project folder under the temp dir, from a fixture or from files. */
function project(name: string, files: Record<string, string>, from?: string): string {
  const dir = path.join(work, name);
  if (from) cpSync(path.join(fixtures, from), dir, { recursive: true });
  else mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('pycrane inspect', () => {
  it('prints the facts of a Poetry 2 project as JSON and exits 0', async () => {
    const t = fakeCtx();
    const code = await runCli(['inspect', path.join(fixtures, 'poetry2-project'), '--json'], t.ctx);
    expect(t.err()).toBe('');
    expect(code).toBe(0);
    const facts = JSON.parse(t.out()) as Record<string, unknown> & {
      name: { value: string };
      python: { selected: { value: string; source: { line: number } } };
      lock: { fresh: boolean };
    };
    expect(facts.name.value).toBe('hello-cli');
    expect(facts.python.selected).toEqual({ value: '3.13', source: { file: 'pyproject.toml', line: 7, column: 1 } });
    expect(facts.lock.fresh).toBe(true);
    expect(facts).toHaveProperty('description');
  });

  it('defaults DIR to the current folder and prints text with provenance', async () => {
    const t = fakeCtx(path.join(fixtures, 'poetry1-groups'));
    const code = await runCli(['inspect'], t.ctx);
    expect(code).toBe(0);
    expect(t.out()).toMatch(/^python spec {3}\^3\.11 {2}\(pyproject\.toml:11:1\)$/m);
    expect(t.out()).toMatch(/^script {8}hello = hello_app\.cli:main {2}\(pyproject\.toml:29:1\)$/m);
    expect(t.out()).toMatch(/^lock .*fresh/m);
  });

  it('reports a project without poetry.lock with lock: null and a warning, exit 0', async () => {
    const dir = project('no-lock', { 'pyproject.toml': '[tool.poetry]\nname = "nolock"\npackage-mode = false\n\n[tool.poetry.dependencies]\npython = "~3.12"\n' });
    const t = fakeCtx();
    expect(await runCli(['inspect', dir, '--json'], t.ctx)).toBe(0);
    const facts = JSON.parse(t.out()) as { lock: unknown; python: { selected: { value: string } }; issues: { code: string }[] };
    expect(facts.lock).toBeNull();
    expect(facts.python.selected.value).toBe('3.12');
    expect(facts.issues.map((i) => i.code)).toContain('W_NO_LOCK');
    const text = fakeCtx();
    expect(await runCli(['inspect', dir], text.ctx)).toBe(0);
    expect(text.out()).toMatch(/^lock {10}none$/m);
    expect(text.out()).toMatch(/^ {2}warning pyproject\.toml:1:1: no poetry\.lock: .* \[W_NO_LOCK\]$/m);
  });

  it('exits 2 with file:line:col for malformed TOML', async () => {
    const dir = project('bad-toml', { 'pyproject.toml': '[tool.poetry]\nname = "x"\nversion = \n' });
    const t = fakeCtx();
    expect(await runCli(['inspect', dir, '--json'], t.ctx)).toBe(2);
    expect(t.err()).toMatch(/^pycrane: pyproject\.toml:3:\d+: invalid TOML: /);
    expect(t.err()).not.toMatch(/at .*\.ts/); // no stack trace
    expect(t.out()).toBe('');
  });

  it('exits 2 when poetry.lock does not belong to pyproject.toml, naming the dependency line', async () => {
    // poetry2-project's lock with a pyproject that needs flask, which the lock lacks.
    const dir = project('foreign-lock', {}, 'poetry2-project');
    const text = (await import('node:fs')).readFileSync(path.join(dir, 'pyproject.toml'), 'utf8');
    writeFileSync(path.join(dir, 'pyproject.toml'), text.replace('"hello-cow>=1.0",', '"hello-cow>=1.0",\n    "flask>=3",'));
    const t = fakeCtx();
    expect(await runCli(['inspect', dir, '--json'], t.ctx)).toBe(2);
    expect(t.err()).toContain('pycrane: pyproject.toml:11:5: main dependency "flask" is not in poetry.lock');
    expect(t.err()).toContain('run poetry lock');
  });

  it('exits 2 for a stale lock (content-hash mismatch), pointing at poetry.lock', async () => {
    const dir = project('stale-lock', {}, 'poetry2-project');
    const text = (await import('node:fs')).readFileSync(path.join(dir, 'pyproject.toml'), 'utf8');
    writeFileSync(path.join(dir, 'pyproject.toml'), text.replace('"click (>=8.1,<9)"', '"click (>=8.1.3,<9)"'));
    const t = fakeCtx();
    expect(await runCli(['inspect', dir], t.ctx)).toBe(2);
    expect(t.err()).toMatch(/^pycrane: poetry\.lock:\d+:1: content-hash does not match pyproject\.toml/);
    expect(t.err()).toContain('run poetry lock');
  });

  it('exits 2 without pyproject.toml', async () => {
    const dir = project('empty', { 'README.md': '# nothing\n' });
    const t = fakeCtx();
    expect(await runCli(['inspect', dir], t.ctx)).toBe(2);
    expect(t.err()).toBe(
      `pycrane: no Python project in ${dir}: no pyproject.toml, setup.py, setup.cfg, Pipfile or requirements file\n  run pycrane in the project folder or pass it as DIR; a project without any of these needs at least a requirements.txt\n`,
    );
  });

  it('gives a project that allows only EOL minors the newest of them, with a warning naming the date', async () => {
    const dir = project('old-python', {
      'pyproject.toml': '[project]\nname = "old"\nversion = "1"\nrequires-python = ">=3.8,<3.11"\n',
    });
    const t = fakeCtx();
    expect(await runCli(['inspect', dir], t.ctx)).toBe(0);
    expect(t.out()).toContain('python        3.10');
    expect(t.out()).toMatch(/warning pyproject\.toml:4:1: Python 3\.10 reached end of life on 2026-10-31 .*\[W_PYTHON_EOL\]/);
  });

  it('exits 2 with one line when no Python 3 release satisfies the constraint, or only Python 2 does', async () => {
    const future = project('future-python', { 'pyproject.toml': '[project]\nname = "f"\nrequires-python = ">=3.16"\n' });
    const t = fakeCtx();
    expect(await runCli(['inspect', future], t.ctx)).toBe(2);
    expect(t.err()).toContain('pycrane: pyproject.toml:3:1: no Python release satisfies requires-python ">=3.16" (pyproject.toml:3:1); considered: 3.3 to 3.15');
    const legacy = project('python2', { 'setup.py': 'from setuptools import setup\nsetup(name="old", python_requires=">=2.6, <3")\n' });
    const p2 = fakeCtx();
    expect(await runCli(['inspect', legacy], p2.ctx)).toBe(2);
    expect(p2.err().split('\n')[0]).toBe('pycrane: setup.py:2:35: setup.py python_requires ">=2.6, <3" (setup.py:2:35) allows only Python 2: pycrane builds Python 3 images only');
  });

  it('takes the supported set from --python and rejects a bad one', async () => {
    const dir = project('py-option', { 'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.8"\n' });
    const ok = fakeCtx();
    expect(await runCli(['inspect', dir, '--json', '--python', '3.10,3.12'], ok.ctx)).toBe(0);
    expect((JSON.parse(ok.out()) as { python: { selected: { value: string } } }).python.selected.value).toBe('3.12');
    const bad = fakeCtx();
    expect(await runCli(['inspect', dir, '--python', 'three'], bad.ctx)).toBe(2);
    expect(bad.err()).toContain('--python expects minors');
  });

  it('shows the web facts after the project facts and before the issues; --json has them under web', async () => {
    const flaskr = fileURLToPath(new URL('../../inspect/web/__fixtures__/flaskr/', import.meta.url));
    const t = fakeCtx();
    expect(await runCli(['inspect', flaskr], t.ctx)).toBe(0);
    const out = t.out();
    expect(out).toMatch(/^web app {7}flask \(WSGI\) {2}\(flaskr\/__init__\.py:6\)$/m);
    expect(out).toMatch(/^app target {4}flaskr:create_app\(\) {2}\[factory\] {2}\(flaskr\/__init__\.py:6\)$/m);
    expect(out).toMatch(/^server {8}gunicorn \(not a dependency: the image adds it\)$/m);
    expect(out).toMatch(/^health path {3}\/ {2}\(flaskr\/__init__\.py:46\)$/m);
    expect(out.indexOf('web app')).toBeLessThan(out.indexOf('\nissues:'));
    const json = fakeCtx();
    expect(await runCli(['inspect', flaskr, '--json'], json.ctx)).toBe(0);
    const facts = JSON.parse(json.out()) as { web: { app: { target: { value: string }; factory: boolean }; celery: unknown; services: unknown[] } };
    expect(facts.web.app.target.value).toBe('flaskr:create_app');
    expect(facts.web.app.factory).toBe(true);
    expect(facts.web.celery).toBeNull();
    expect(facts.web.services).toEqual([]);
  });
});
