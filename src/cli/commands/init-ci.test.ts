/**
 * `pycrane init --ci github|gitlab`: the CI file is owned like the other generated files
 * (written, then up to date, drift reported by `--check --ci`, a hand-edited one left alone
 * without --force), and the flag's bad values are usage errors.
 */
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/cli.js';
import { VERSION } from '../version.js';

const examples = path.join(import.meta.dirname, '..', '..', '..', 'examples');

async function project(example = 'poetry2-cli'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pycrane-init-ci-'));
  await cp(path.join(examples, example), dir, { recursive: true });
  return dir;
}

const WORKFLOW = '.github/workflows/pycrane.yml';

describe('pycrane init --ci', () => {
  it('writes the workflow after the four files, then finds it up to date', async () => {
    const dir = await project();
    const first = await cli(['init', dir, '--yes', '--ci', 'github']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`ci         ${WORKFLOW}: pycrane ${VERSION}, images pushed from main and v* tags\n`);
    expect(first.stdout.split('\n').filter((l) => l.startsWith('  created'))).toEqual([
      '  created      Dockerfile',
      '  created      compose.yaml',
      '  created      .devcontainer/devcontainer.json',
      '  created      .dockerignore',
      `  created      ${WORKFLOW}`,
    ]);
    const workflow = await readFile(path.join(dir, WORKFLOW), 'utf8');
    expect(workflow).toContain(`run: npm install --global --no-audit --no-fund pycrane@${VERSION}\n`);
    expect((await cli(['init', dir, '--ci', 'github'])).stdout).toContain('all files are up to date');
    expect((await cli(['init', dir, '--check', '--ci', 'github'])).code).toBe(0);
    // Without --ci the workflow is neither written nor checked.
    expect((await cli(['init', dir, '--check'])).code).toBe(0);
  });

  it('remembers the CI system in [tool.pycrane] ci: init and init --check without the flag include it', async () => {
    const dir = await project();
    const pyproject = path.join(dir, 'pyproject.toml');
    await writeFile(pyproject, (await readFile(pyproject, 'utf8')).replace('[tool.pycrane]\n', '[tool.pycrane]\nci = "github"\nci-default-branch = "trunk"\n'));
    const run = await cli(['init', dir, '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(dir, WORKFLOW), 'utf8')).toContain('      - trunk\n');
    expect((await cli(['init', dir, '--check'])).code).toBe(0);
    // A flag overrides the remembered branch, with the remembered system.
    expect((await cli(['init', dir, '--yes', '--default-branch', 'release'])).code).toBe(0);
    expect(await readFile(path.join(dir, WORKFLOW), 'utf8')).toContain('      - release\n');
    const bad = await project();
    await writeFile(path.join(bad, 'pyproject.toml'), (await readFile(path.join(bad, 'pyproject.toml'), 'utf8')).replace('[tool.pycrane]\n', '[tool.pycrane]\nci = "jenkins"\n'));
    const refused = await cli(['init', bad, '--yes']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^pycrane: pyproject\.toml:\d+:1: \[tool\.pycrane\] ci: /);
  });

  it('writes .gitlab-ci.yml for --ci gitlab', async () => {
    const dir = await project('uv-app');
    const run = await cli(['init', dir, '--yes', '--ci', 'gitlab']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  created      .gitlab-ci.yml');
    expect(await readdir(dir)).not.toContain('.github');
    expect(await readFile(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toContain('    - pycrane init --check --ci gitlab\n');
  });

  it('--check --ci reports drift of the workflow when the project changed', async () => {
    const dir = await project();
    await cli(['init', dir, '--yes', '--ci', 'github']);
    const pyproject = path.join(dir, 'pyproject.toml');
    // Another build network for this machine: the pipeline's header names it, so the workflow drifted.
    await writeFile(pyproject, (await readFile(pyproject, 'utf8')).replace('build-network = "host"\n', 'build-network = "bridge"\n'));
    const run = await cli(['init', dir, '--check', '--ci', 'github']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`--- a/${WORKFLOW}\n+++ b/${WORKFLOW}`);
    expect(run.stdout).toContain('+# Builds on your machine use --network bridge');
  });

  it('leaves a hand-edited workflow alone without --force', async () => {
    const dir = await project();
    await cli(['init', dir, '--yes', '--ci', 'github']);
    const file = path.join(dir, WORKFLOW);
    const edited = (await readFile(file, 'utf8')).replace('runs-on: ubuntu-24.04', 'runs-on: self-hosted');
    await writeFile(file, edited);
    const refused = await cli(['init', dir, '--yes', '--ci', 'github']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${WORKFLOW} (edited by hand since pycrane wrote it; --force replaces it)`);
    expect(await readFile(file, 'utf8')).toBe(edited);
    expect((await cli(['init', dir, '--check', '--ci', 'github'])).code).toBe(1);
    expect((await cli(['init', dir, '--yes', '--force', '--ci', 'github'])).code).toBe(0);
    expect(await readFile(file, 'utf8')).not.toContain('self-hosted');
  });

  it('--default-branch names the branch whose pushes publish', async () => {
    const dir = await project();
    const run = await cli(['init', dir, '--yes', '--ci', 'github', '--default-branch', 'trunk']);
    expect(run.code).toBe(0);
    const workflow = await readFile(path.join(dir, WORKFLOW), 'utf8');
    expect(workflow).toContain('  push:\n    branches:\n      - trunk\n');
    // The workflow's own drift check asks for the same file.
    expect(workflow).toContain('run: pycrane init --check --ci github --default-branch trunk\n');
    expect((await cli(['init', dir, '--check', '--ci', 'github', '--default-branch', 'trunk'])).code).toBe(0);
    expect((await cli(['init', dir, '--check', '--ci', 'github'])).code).toBe(1);
  });

  it('refuses an unknown system and a misplaced or odd --default-branch (exit 2, nothing written)', async () => {
    const dir = await project();
    const before = (await readdir(dir)).sort();
    const unknown = await cli(['init', dir, '--yes', '--ci', 'jenkins']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("option '--ci <system>' argument 'jenkins' is invalid. Allowed choices are github, gitlab.");
    const gitlab = await cli(['init', dir, '--yes', '--ci', 'gitlab', '--default-branch', 'main']);
    expect(gitlab.code).toBe(2);
    expect(gitlab.stderr).toBe('pycrane: --default-branch needs --ci github (GitLab pipelines read $CI_DEFAULT_BRANCH themselves)\n');
    const glob = await cli(['init', dir, '--yes', '--ci', 'github', '--default-branch', 'release/*']);
    expect(glob.code).toBe(2);
    expect(glob.stderr).toBe('pycrane: --default-branch "release/*" is not a plain branch name (letters, digits, . _ / -)\n');
    expect((await readdir(dir)).sort()).toEqual(before);
  });

  it('documents --ci in init --help', async () => {
    const help = await cli(['init', '--help']);
    expect(help.stdout).toContain('--ci <system>');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('--ci <system> also write a CI pipeline for this system (choices: "github", "gitlab")');
    expect(help.stdout).toContain('--default-branch <name>');
  });
});
