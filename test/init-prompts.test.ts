/**
 * `pycrane init`'s questions in a real pseudo-terminal: the built CLI (dist/cli.js) runs under
 * util-linux script(1), gets keys as a terminal sends them (Enter, arrows, Space, typed text,
 * Ctrl-C), and the test reads the screens and the files written. Pressing Enter at every
 * question must write exactly what `--yes` writes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, Pty, ptyUnavailable } from './support/pty.js';

const repo = path.join(import.meta.dirname, '..');
const bin = path.join(repo, 'dist', 'cli.js');
const bundle = path.join(repo, 'dist', 'bin', 'pycrane.cjs');
const unavailable = process.platform === 'linux' ? ptyUnavailable() : 'script(1) pseudo-terminals are tested on Linux';
const env = (): NodeJS.ProcessEnv => {
  const { CI: _ci, NO_COLOR: _nc, FORCE_COLOR: _fc, ...rest } = process.env;
  return { ...rest, TERM: 'xterm-256color', LANG: 'C.UTF-8' };
};

/** The newest source file's time, to rebuild a bundle older than the code it tests. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of spawnSync('find', [dir, '-name', '*.ts', '-not', '-name', '*.test.ts'], { encoding: 'utf8' }).stdout.split('\n')) {
    if (entry) newest = Math.max(newest, statSync(entry).mtimeMs);
  }
  return newest;
}

let work: string;
beforeAll(async () => {
  if (unavailable) return;
  if (!existsSync(bin)) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: repo, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stderr}`);
  } else if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource(path.join(repo, 'src'))) {
    const build = spawnSync(process.execPath, ['scripts/bundle.mjs'], { cwd: repo, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`scripts/bundle.mjs failed:\n${build.stderr}`);
  }
  work = await mkdtemp(path.join(tmpdir(), 'pycrane-prompts-'));
}, 120_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

async function copyOf(example: string, name: string): Promise<string> {
  const dir = path.join(work, name);
  await cp(path.join(repo, 'examples', example), dir, { recursive: true });
  return dir;
}

const BARE_PYPROJECT = '# a tool-less project\n[project]\nname = "bare"\nversion = "0.1.0"\nrequires-python = ">=3.11"\ndependencies = []\n';

/** A Python project whose constraint admits several minors and that has nothing to start: Python and the command are asked. */
async function bareProject(name: string): Promise<string> {
  const dir = path.join(work, name);
  await mkdir(path.join(dir, 'bare'), { recursive: true });
  await writeFile(path.join(dir, 'pyproject.toml'), BARE_PYPROJECT);
  await writeFile(path.join(dir, 'bare', '__init__.py'), 'X = 1\n');
  return dir;
}

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

function init(dir: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, 'init', ...args, dir], { encoding: 'utf8', env: { ...env(), CI: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const initInPty = (dir: string, args = '') => new Pty(`${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} init ${args} .`, { cwd: dir, env: env() });

/** Presses Enter at every question as each one appears, then at the confirmation. */
async function acceptAll(pty: Pty, questions: readonly string[]): Promise<string> {
  let at = 0;
  for (const message of [...questions, 'Write these files?']) {
    at = await pty.waitFor(message, at);
    pty.send(KEYS.enter);
  }
  expect(await pty.done()).toBe(0);
  return pty.screen();
}

describe.skipIf(unavailable !== '')(`init's questions in a pseudo-terminal${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('Enter at every question of a Django app writes what --yes writes, and asks only what detection fell back on', async () => {
    const [asked, yes] = [await copyOf('django-postgres', 'dj-enter'), await copyOf('django-postgres', 'dj-yes')];
    const screen = await acceptAll(initInPty(asked), ['Port it listens on', 'Services compose runs beside the app']);
    expect(screen).toContain("pycrane init: 2 questions (Enter takes the detected answer)");
    expect(screen).toContain("Port it listens on  8000  (pycrane's default)");
    expect(screen).toMatch(/Services compose runs beside the app {2}postgres {2}\(postgres: psycopg in the main dependencies pyproject\.toml:9:5\)\n│ {2}◼ PostgreSQL \(detected\)\n│ {2}◻ Redis/);
    // Found for sure, so not asked: the app (Django's WSGI_APPLICATION), the server (a dependency), the health path (a route), Python (.python-version).
    for (const sure of ['Web application', 'Server that runs it', 'HTTP path', 'Python version']) expect(screen).not.toContain(sure);
    expect(screen).toContain('created      compose.yaml');
    expect(init(yes, ['--yes']).code).toBe(0);
    expect(await tree(asked)).toEqual(await tree(yes));
    expect((await tree(asked))['pyproject.toml']).toBe(await readFile(path.join(repo, 'examples/django-postgres/pyproject.toml'), 'utf8'));
  });

  it('Enter at every question of a project with nothing to start writes what --yes writes (Python and the command asked)', async () => {
    const [asked, yes] = [await bareProject('bare-enter'), await bareProject('bare-yes')];
    const screen = await acceptAll(initInPty(asked), ['Python version of the images', 'Command the app image starts']);
    // The detected minor follows pycrane's release table; the choices are every minor ">=3.11" admits, newest first.
    const detected = /Python version of the images {2}(3\.\d+) {2}\(the newest mature release ">=3\.11" pyproject\.toml:5:1 allows\)/.exec(screen)?.[1];
    expect(detected).toBeDefined();
    expect(screen).toContain(`● ${detected} (detected)`);
    expect(screen).toMatch(/○ 3\.12\n│ {2}○ 3\.11\n/);
    expect(screen).toContain('Command the app image starts  python  (nothing else found to start: no console script, __main__.py or main script)\n│  ● python (nothing else found to start: no console script, __main__.py or main script)\n│  ○ another…\n');
    expect(init(yes, ['--yes']).code).toBe(0);
    expect(await tree(asked)).toEqual(await tree(yes));
  });

  it('remembers answers that differ (typed, with a rejected one first; chosen with arrows and Space) in [tool.pycrane], and init --check then passes', async () => {
    const dir = await copyOf('django-postgres', 'dj-answers');
    const before = await readFile(path.join(dir, 'pyproject.toml'), 'utf8');
    const pty = initInPty(dir);
    let at = await pty.waitFor('Port it listens on');
    pty.send(`80a${KEYS.enter}`);
    at = await pty.waitFor('expected a port number from 1 to 65535', at);
    pty.send(`${KEYS.backspace.repeat(3)}9000${KEYS.enter}`);
    at = await pty.waitFor('Services compose runs beside the app', at);
    pty.send(`${KEYS.down}${KEYS.space}${KEYS.enter}`);
    at = await pty.waitFor('would update pyproject.toml (remembers port, services in [tool.pycrane])', at);
    at = await pty.waitFor('Write these files?', at);
    pty.send(KEYS.enter);
    expect(await pty.done()).toBe(0);
    expect(pty.screen().slice(at)).toContain('updated      pyproject.toml (remembers port, services in [tool.pycrane])');
    const after = await readFile(path.join(dir, 'pyproject.toml'), 'utf8');
    expect(after).toBe(before.replace('build-network = "host"\n', 'build-network = "host"\nport = 9000\nservices = ["postgres", "redis"]\n'));
    const compose = await readFile(path.join(dir, 'compose.yaml'), 'utf8');
    expect(compose).toContain('redis:8');
    expect(compose).toContain('9000');
    expect(init(dir, ['--check'])).toMatchObject({ code: 0 });
  });

  it('takes another command typed after choosing "another…", and a Python chosen with the arrows', async () => {
    const dir = await bareProject('bare-answers');
    const pty = initInPty(dir);
    let at = await pty.waitFor('↑/↓ to navigate');
    // Down from the detected minor: the next older one.
    const detected = /● (3\.\d+) \(detected\)/.exec(pty.screen())?.[1] ?? '';
    const below = `3.${Number(detected.split('.')[1]) - 1}`;
    pty.send(`${KEYS.down}${KEYS.enter}`);
    at = await pty.waitFor('Command the app image starts', at);
    pty.send(`${KEYS.up}${KEYS.enter}`);
    at = await pty.waitFor(/◆ {2}Command the app image starts/, at);
    pty.send(`python -m http.server 'port 8000'${KEYS.enter}`);
    at = await pty.waitFor('Write these files?', at);
    pty.send(KEYS.enter);
    expect(await pty.done()).toBe(0);
    expect(pty.screen().slice(at)).toContain('updated      pyproject.toml (remembers python, command in [tool.pycrane])');
    expect(await readFile(path.join(dir, 'pyproject.toml'), 'utf8')).toBe(
      `${BARE_PYPROJECT}\n[tool.pycrane]\npython = "${below}"\ncommand = ["python", "-m", "http.server", "port 8000"]\n`,
    );
    const dockerfile = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`python:${below}-slim`);
    expect(dockerfile).toContain('CMD ["python", "-m", "http.server", "port 8000"]');
    expect(init(dir, ['--check']).code).toBe(0);
  });

  it('Ctrl-C at a question, or at the confirmation, writes nothing and exits 130', async () => {
    for (const [at, keys] of [['Services compose runs beside the app', KEYS.enter], ['Write these files?', `${KEYS.enter}${KEYS.enter}`]] as const) {
      const dir = await copyOf('django-postgres', `dj-ctrl-c-${at.length}`);
      const before = await tree(dir);
      const pty = initInPty(dir);
      await pty.waitFor('Port it listens on');
      // The first Enter answers the port; for the confirmation case the second answers the services.
      let pos = 0;
      for (const key of keys) {
        pos = await pty.waitFor(/◆ {2}\S/, pos);
        pty.send(key);
      }
      pos = await pty.waitFor(at, pos);
      pty.send(KEYS.ctrlC);
      expect(await pty.done()).toBe(130);
      expect(pty.screen().slice(pos)).toContain('pycrane: nothing written');
      expect(await tree(dir)).toEqual(before);
    }
  });
}, 120_000);
