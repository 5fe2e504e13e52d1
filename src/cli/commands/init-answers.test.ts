/** init's answers given as flags (no terminal): remembered in the config file when they differ from detection. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/cli.js';

const examples = path.join(import.meta.dirname, '..', '..', '..', 'examples');
let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'pycrane-answers-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function copyOf(example: string, name: string): Promise<string> {
  const dir = path.join(work, name);
  await cp(path.join(examples, example), dir, { recursive: true });
  return dir;
}

describe('init answers given as flags', () => {
  it('remembers what differs in [tool.pycrane], generates with it, and init --check then passes (and fails on another answer)', async () => {
    const dir = await copyOf('django-postgres', 'dj');
    const before = await readFile(path.join(dir, 'pyproject.toml'), 'utf8');
    const run = await cli(['init', '--yes', '--port', '9000', '--services', 'none', '--health-path', '/health/', '--server', 'gunicorn', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  updated      pyproject.toml (remembers port, services in [tool.pycrane])');
    // The health path and the server are what detection gives: not written.
    expect(await readFile(path.join(dir, 'pyproject.toml'), 'utf8')).toBe(before.replace('build-network = "host"\n', 'build-network = "host"\nport = 9000\nservices = []\n'));
    const compose = await readFile(path.join(dir, 'compose.yaml'), 'utf8');
    expect(compose).not.toContain('postgres');
    expect(compose).toContain('9000');
    expect(run.stdout).toContain('port 9000');
    expect(await cli(['init', '--check', dir])).toMatchObject({ code: 0 });
    const drift = await cli(['init', '--check', '--port', '9001', dir]);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain('-port = 9000\n+port = 9001');
    expect(await cli(['init', '--check', '--port', '9000', dir])).toMatchObject({ code: 0 });
  });

  it('writes pycrane.toml at its top level, and creates it for a project that has neither it nor pyproject.toml', async () => {
    const flask = await copyOf('flask-redis', 'flask');
    const before = await readFile(path.join(flask, 'pycrane.toml'), 'utf8');
    expect((await cli(['init', '--yes', '--port', '5000', flask])).code).toBe(0);
    expect(await readFile(path.join(flask, 'pycrane.toml'), 'utf8')).toBe(`${before}port = 5000\n`);
    const bare = path.join(work, 'reqs');
    await cp(path.join(examples, 'flask-redis'), bare, { recursive: true, filter: (src) => !src.endsWith('pycrane.toml') });
    const run = await cli(['init', '--yes', '--command', 'flask --app counter run', bare]);
    expect(run.stdout).toContain('  created      pycrane.toml (remembers command)');
    expect(await readFile(path.join(bare, 'pycrane.toml'), 'utf8')).toBe('command = ["flask", "--app", "counter", "run"]\n');
    expect(await readFile(path.join(bare, 'Dockerfile'), 'utf8')).toContain('CMD ["flask", "--app", "counter", "run"]');
  });

  it('shows the config change in --dry-run and --json without writing it', async () => {
    const dir = await copyOf('fastapi-app', 'fastapi');
    const before = await readFile(path.join(dir, 'pyproject.toml'), 'utf8');
    const dry = await cli(['init', '--dry-run', '--services', 'redis', dir]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+services = ["redis"]');
    expect(dry.stderr).toContain('would update pyproject.toml (remembers services in [tool.pycrane])');
    const json = await cli(['init', '--json', '--dry-run', '--services', 'redis', dir]);
    expect(JSON.parse(json.stdout).files).toContainEqual({ path: 'pyproject.toml', action: 'update' });
    expect(await readFile(path.join(dir, 'pyproject.toml'), 'utf8')).toBe(before);
  });

  it('refuses a bad answer with exit 2 before writing anything', async () => {
    const dir = await copyOf('fastapi-app', 'bad');
    for (const [flag, value, message] of [
      ['--port', 'eighty', '--port "eighty": expected a port number from 1 to 65535'],
      ['--services', 'mysql', '--services "mysql": expected a comma-separated list of postgres, redis, or none (not "mysql")'],
      ['--command', "run 'x", '--command "run \'x": cannot split the command: a single quote is not closed'],
      ['--app', 'main', '--app "main": expected an import target like mysite.wsgi:application or app:create_app()'],
    ] as const) {
      const run = await cli(['init', '--yes', flag, value, dir]);
      expect(run).toMatchObject({ code: 2, stderr: `pycrane: ${message}\n` });
    }
    expect(await cli(['init', '--check', dir])).toMatchObject({ code: 1 });
  });

  it('says what to set by hand when [tool.pycrane] is written in a form it does not edit', async () => {
    const dir = await copyOf('fastapi-app', 'dotted');
    const text = await readFile(path.join(dir, 'pyproject.toml'), 'utf8');
    await writeFile(path.join(dir, 'pyproject.toml'), text.replace(/\n\[tool\.pycrane\]\n/, '\n[tool]\npycrane.workdir = "/app"\n').replace(/\n\[tool\.pycrane\]\n/, '\n'));
    const run = await cli(['init', '--yes', '--port', '9000', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('set them yourself in [tool.pycrane] of pyproject.toml: port = 9000');
  });
});
