import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/cli.js';

const examples = path.join(import.meta.dirname, '..', '..', '..', 'examples');

async function project(example = 'poetry2-cli'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pycrane-init-'));
  await cp(path.join(examples, example), dir, { recursive: true });
  return dir;
}

const GENERATED = ['.devcontainer', '.dockerignore', 'Dockerfile', 'compose.yaml'];

describe('pycrane init', () => {
  it('writes the four files, then finds them up to date', async () => {
    const dir = await project();
    const before = await readdir(dir);
    const first = await cli(['init', dir, '--yes']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('created      Dockerfile');
    expect((await readdir(dir)).sort()).toEqual([...before, ...GENERATED].sort());
    const again = await cli(['init', dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('all files are up to date');
    expect((await cli(['init', dir, '--check'])).code).toBe(0);
  });

  it('--dry-run prints a diff and writes nothing', async () => {
    const dir = await project();
    const before = (await readdir(dir)).sort();
    const run = await cli(['init', dir, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--- /dev/null\n+++ b/Dockerfile');
    expect(run.stdout).toContain('+FROM python:3.13-slim AS app');
    expect((await readdir(dir)).sort()).toEqual(before);
  });

  it('--check exits 1 when the project changed since init', async () => {
    const dir = await project();
    await cli(['init', dir, '--yes']);
    const pyproject = path.join(dir, 'pyproject.toml');
    await writeFile(pyproject, (await readFile(pyproject, 'utf8')).replace('build-network = "host"', 'build-network = "host"\nport = 9000'));
    const run = await cli(['init', dir, '--check']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('differ from what init would write');
    expect(run.stdout).toContain('+EXPOSE 9000');
  });

  it('never overwrites a file it did not write, or one edited by hand, without --force', async () => {
    const dir = await project();
    await writeFile(path.join(dir, 'Dockerfile'), 'FROM python:3.13-slim\n');
    const refused = await cli(['init', dir, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Dockerfile (not written by pycrane; --force replaces it)');
    expect(refused.stderr).toContain('wrote nothing');
    expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toBe('FROM python:3.13-slim\n');
    expect(await readdir(dir)).not.toContain('compose.yaml');

    const forced = await cli(['init', dir, '--yes', '--force']);
    expect(forced.code).toBe(0);
    const compose = path.join(dir, 'compose.yaml');
    await writeFile(compose, `${await readFile(compose, 'utf8')}# my own note\n`);
    const edited = await cli(['init', dir, '--yes']);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain('compose.yaml (edited by hand since pycrane wrote it; --force replaces it)');
  });

  it('updates its own untouched files when the project changes', async () => {
    const dir = await project();
    await cli(['init', dir, '--yes']);
    const pyproject = path.join(dir, 'pyproject.toml');
    await writeFile(pyproject, (await readFile(pyproject, 'utf8')).replace('build-network = "host"', 'build-network = "host"\nport = 9000'));
    const run = await cli(['init', dir, '--yes']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('updated      Dockerfile');
    expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toContain('EXPOSE 9000');
  });

  it('reports bad input with file and line, exit 2, and writes nothing', async () => {
    const dir = await project();
    await writeFile(path.join(dir, 'pyproject.toml'), '[project]\nname = "x"\nversion = \n');
    const malformed = await cli(['init', dir, '--yes']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^pycrane: pyproject\.toml:3:\d+: /);
    expect(await readdir(dir)).not.toContain('Dockerfile');

    const nolock = await project();
    await writeFile(path.join(nolock, 'poetry.lock'), '');
    const { rm } = await import('node:fs/promises');
    await rm(path.join(nolock, 'poetry.lock'));
    // A Poetry project without its lock still gets a setup (Poetry resolves on build day), with a warning.
    const missing = await cli(['init', nolock, '--yes']);
    expect(missing.code).toBe(0);
    expect(missing.stdout).toContain('warning: pyproject.toml:18:1: no poetry.lock:');
    expect(await readFile(path.join(nolock, 'Dockerfile'), 'utf8')).toContain('COPY pyproject.toml ./\n');

    const empty = await mkdtemp(path.join(tmpdir(), 'pycrane-init-empty-'));
    const none = await cli(['init', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no Python project in');

    // A requirements file whose -r include is missing: pip would fail in the build, so init stops.
    const broken = await mkdtemp(path.join(tmpdir(), 'pycrane-init-broken-'));
    await writeFile(path.join(broken, 'requirements.txt'), 'flask==3.1.1\n-r base.txt\n');
    const include = await cli(['init', broken, '--yes']);
    expect(include.code).toBe(2);
    expect(include.stderr.split('\n')[0]).toMatch(/^pycrane: requirements\.txt:2(:\d+)?: .*base\.txt/);
    expect(await readdir(broken)).toEqual(['requirements.txt']);

    const nodir = await cli(['init', path.join(empty, 'nope')]);
    expect(nodir.code).toBe(2);
    expect(nodir.stderr).toContain('is not a directory');
  });

  it('leaves nothing behind when a file cannot be written', async () => {
    const dir = await project();
    await writeFile(path.join(dir, '.devcontainer'), 'a file where a folder should be');
    const before = (await readdir(dir)).sort();
    const run = await cli(['init', dir, '--yes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot write');
    expect((await readdir(dir)).sort()).toEqual(before);
  });
});
