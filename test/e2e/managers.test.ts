/**
 * Proof on the real engine for every package manager but Poetry (init.test.ts) and uv (no uv
 * binary in the lab: golden and lint tests only): `pycrane init` on each example, then the
 * app and dev images are built and looked into, compose runs dev, and the dependency layer
 * survives a source edit and follows a lock change. Skips (with the reason) without an engine.
 */
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedFromLock } from '../../src/engine/pure/lock-conditions.js';
import { inspectProject } from '../../src/inspect/index.js';
import { nodeReader } from '../../src/io/fs.js';
import { cli } from '../support/cli.js';
import { buildx, chownTree, copyExample, imageSize, must, sh, stepCached } from '../support/docker.js';
import { engineAvailable, skipReason } from '../support/engine.js';
import { IMPORT_CHECK, layerIds, NOT_IN_RUNTIME, probeHttp, topLayerBytes } from '../support/images.js';

interface ManagerExample {
  readonly name: string;
  readonly python: string;
  /** The lab index of that Python's suite. */
  readonly suite: 'bookworm' | 'trixie' | 'forky';
  /** In dev: this command's output contains `toolVersion`. */
  readonly tool: string;
  readonly toolVersion: string;
  readonly devPackage: string;
  /** A source file to edit, and a needle of the dependency install step. */
  readonly source: string;
  readonly dependencyStep: string;
  /** A file of the dependency layer where a comment changes nothing but the layer's cache key. */
  readonly lockFile: string;
  /** Adds hello-cow (a dependency-free fixture of the lab index) to the project's lock. */
  readonly addHelloCow: (dir: string, builder: string) => Promise<void>;
  readonly start: (image: string) => void;
}

const indexOf = (suite: string) => `http://127.0.0.1:${process.env.DOCKER_LAB_PORT ?? '3141'}/${suite}/simple/`;

/** `hello-cow==1.0.0 --hash=sha256:...` from the lab index's own link. */
async function helloCowPin(suite: string): Promise<string> {
  const page = await (await fetch(`${indexOf(suite)}hello-cow/`)).text();
  const sha = /#sha256=([0-9a-f]{64})/.exec(page)?.[1];
  if (!sha) throw new Error(`no hello-cow on the ${suite} index`);
  return `hello-cow==1.0.0 --hash=sha256:${sha}`;
}

/** Runs the builder image (the pinned tool) on the project, as the project's owner would. */
function inBuilder(builder: string, dir: string, script: string): void {
  must('docker', ['run', '--rm', '--network', 'host', '-e', 'PDM_CHECK_UPDATE=false', '-v', `${dir}:/w`, '-w', '/w', builder, 'sh', '-c', script]);
}

const examples: readonly ManagerExample[] = [
  {
    name: 'pip-requirements',
    lockFile: 'requirements.txt',
    python: '3.11',
    suite: 'bookworm',
    tool: 'pip --version',
    toolVersion: 'pip ',
    devPackage: 'pytest, flask',
    source: 'app/__init__.py',
    dependencyStep: 'pip install --require-hashes -r requirements.txt',
    async addHelloCow(dir) {
      await appendFile(path.join(dir, 'requirements.txt'), `${await helloCowPin('bookworm')}\n`);
    },
    start(image) {
      expect(probeHttp(image, 8000, '/health', 'healthy').stopMs).toBeLessThan(5000);
    },
  },
  {
    name: 'pdm-app',
    lockFile: 'pdm.lock',
    python: '3.13',
    suite: 'trixie',
    tool: 'pdm --version',
    toolVersion: '2.20.1',
    devPackage: 'pytest',
    source: 'src/pdm_app/cli.py',
    dependencyStep: 'pdm export --prod',
    async addHelloCow(dir, builder) {
      inBuilder(builder, dir, 'pdm add --no-sync hello-cow');
    },
    start(image) {
      const run = must('docker', ['run', '--rm', image]);
      expect(run.code).toBe(0);
    },
  },
  {
    name: 'pipenv-app',
    lockFile: 'Pipfile',
    python: '3.14',
    suite: 'forky',
    tool: 'pipenv --version',
    toolVersion: '2026.8.0',
    devPackage: 'pytest, httpx, fastapi',
    source: 'service/main.py',
    dependencyStep: 'pipenv requirements --hash',
    async addHelloCow(dir, builder) {
      const pipfile = path.join(dir, 'Pipfile');
      await writeFile(pipfile, (await readFile(pipfile, 'utf8')).replace('[packages]\n', '[packages]\nhello-cow = "*"\n'));
      inBuilder(builder, dir, 'pipenv lock');
    },
    start(image) {
      expect(probeHttp(image, 8000, '/health', 'healthy').stopMs).toBeLessThan(5000);
    },
  },
  {
    name: 'hatch-cli',
    lockFile: 'pyproject.toml',
    python: '3.14',
    suite: 'forky',
    tool: 'pip --version',
    toolVersion: 'pip ',
    devPackage: 'pytest, httpx, rich',
    source: 'src/hatch_cli/cli.py',
    dependencyStep: 'pip install -r /tmp/requirements.txt',
    async addHelloCow(dir) {
      const pyproject = path.join(dir, 'pyproject.toml');
      await writeFile(pyproject, (await readFile(pyproject, 'utf8')).replace('dependencies = [\n', 'dependencies = [\n    "hello-cow",\n'));
    },
    start(image) {
      expect(must('docker', ['run', '--rm', image]).stdout.length).toBeGreaterThan(0);
    },
  },
];

const forky = Boolean(process.env.DOCKER_LAB_INDEX_FORKY);

describe.skipIf(!engineAvailable)(`every manager on the real engine${engineAvailable ? '' : ` (skipped: ${skipReason})`}`, () => {
  for (const example of examples) {
    describe.skipIf(example.suite === 'forky' && !forky)(`${example.name}${example.suite === 'forky' && !forky ? ' (skipped: the lab has no forky suite)' : ''}`, () => {
      const tag = `pycrane-e2e-mgr-${example.name}`;
      const project = `pycrane-e2e-mgr-${example.name}`;
      let dir = '';

      beforeAll(async () => {
        dir = await copyExample(example.name);
        const init = await cli(['init', dir, '--yes']);
        expect(init.stderr).toBe('');
        expect(init.code, init.stdout).toBe(0);
      });

      afterAll(() => {
        if (dir) sh('docker', ['compose', '--project-directory', dir, '-p', project, 'down', '--volumes', '--timeout', '1']);
        sh('docker', ['image', 'rm', '--force', `${tag}:app`, `${tag}:dev`, `${tag}:builder`]);
      });

      it('builds app: numeric non-root user, the entrypoint runs, no tools, every locked package at its version', async () => {
        buildx(dir, 'app', `${tag}:app`);
        example.start(`${tag}:app`);
        expect(must('docker', ['image', 'inspect', '--format', '{{.Config.User}}', `${tag}:app`]).stdout.trim()).toMatch(/^[1-9]\d*:\d+$/);
        expect(must('docker', ['run', '--rm', '--entrypoint', 'id', `${tag}:app`, '-u']).stdout.trim()).toBe('10001');
        expect(sh('docker', ['run', '--rm', '--entrypoint', 'sh', `${tag}:app`, '-c', NOT_IN_RUNTIME]).stdout.trim()).toBe('');
        const python = must('docker', ['run', '--rm', '--entrypoint', 'python', `${tag}:app`, '-c', 'import sys; print(sys.prefix, "%d.%d" % sys.version_info[:2])']);
        expect(python.stdout.trim()).toBe(`/opt/venv ${example.python}`);
        const facts = await inspectProject(nodeReader(dir));
        const main = Object.fromEntries(expectedFromLock(facts.lock?.packages ?? []).expected.filter((p) => !p.markers).map((p) => [p.name, p.version]));
        const imports = must('docker', ['run', '--rm', '--entrypoint', 'python', `${tag}:app`, '-c', IMPORT_CHECK, JSON.stringify(main)]);
        expect(JSON.parse(imports.stdout)).toEqual([]);
      });

      it('builds dev with the dev dependencies, the tool and sudo, for the UID it is given', () => {
        buildx(dir, 'dev', `${tag}:dev`, ['--build-arg', 'DEV_UID=4321', '--build-arg', 'DEV_GID=4322']);
        const check = must('docker', [
          'run', '--rm', `${tag}:dev`, 'sh', '-c',
          `id -u; ${example.tool}; sudo -n true && echo sudo-ok; python -c "import ${example.devPackage}; print('dev-ok')"; bash -lc "command -v python"`,
        ]);
        const lines = check.stdout.trim().split('\n');
        expect(lines[0]).toBe('4321');
        expect(lines[1]).toContain(example.toolVersion);
        expect(lines.slice(2)).toEqual(['sudo-ok', 'dev-ok', '/opt/venv/bin/python']);
      });

      it('docker compose brings dev up as the developer and execs in it', async () => {
        if (process.getuid?.() === 0) await chownTree(dir, 1000, 1000);
        const owner = await stat(dir);
        const env = { DEV_UID: String(owner.uid), DEV_GID: String(owner.gid) };
        const compose = (...args: string[]) => ['compose', '--project-directory', dir, '-p', project, ...args];
        must('docker', compose('up', '--detach', '--build', '--wait', 'dev'), { env });
        const exec = must('docker', compose('exec', '-T', 'dev', 'sh', '-c', `python -c "import ${example.devPackage}" && id -un && touch /app/made-in-dev`));
        expect(exec.stdout.trim()).toBe('dev');
        expect((await stat(path.join(dir, 'made-in-dev'))).uid).toBe(owner.uid);
        must('docker', compose('down', '--timeout', '1'));
      });

      it('keeps the dependency layer across a source edit and rebuilds it after a lock change', async () => {
        const before = layerIds(`${tag}:app`);
        await appendFile(path.join(dir, example.source), `\n# a source-only edit ${Date.now()} ${Math.random()}\n`);
        const rebuild = buildx(dir, 'app', `${tag}:app`);
        expect(stepCached(rebuild.log, example.dependencyStep)).toBe(true);
        // Exactly one layer of the app image changes: the project's own files, on top.
        const after = layerIds(`${tag}:app`);
        expect(after.filter((id) => !before.includes(id))).toEqual([after[after.length - 1]]);
        expect(topLayerBytes(`${tag}:app`)).toBeLessThan(200_000);
        console.log(`[numbers] ${example.name} rebuild after a source edit: ${rebuild.ms} ms, app image ${imageSize(`${tag}:app`)} bytes`);

        buildx(dir, 'builder', `${tag}:builder`);
        await example.addHelloCow(dir, `${tag}:builder`);
        // BuildKit may hold this very lock from an earlier run: make it new.
        await appendFile(path.join(dir, example.lockFile), `\n# lock changed ${Date.now()} ${Math.random()}\n`);
        const relocked = buildx(dir, 'app', `${tag}:app`);
        expect(stepCached(relocked.log, example.dependencyStep)).toBe(false);
        must('docker', ['run', '--rm', '--entrypoint', 'python', `${tag}:app`, '-c', 'import hello; hello.cow("moo")']);
      });
    });
  }
});
