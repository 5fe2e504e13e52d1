/**
 * Proof on the real engine: `pycrane init` on each example, then the generated setup is
 * built and run. Skips (with the reason) where no Docker engine answers.
 */
import { existsSync } from 'node:fs';
import { appendFile, copyFile, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedFromLock } from '../../src/engine/pure/lock-conditions.js';
import { inspectProject } from '../../src/inspect/index.js';
import { nodeReader } from '../../src/io/fs.js';
import { cli } from '../support/cli.js';
import { buildx, chownTree, copyExample, imageSize, must, sh, stepCached } from '../support/docker.js';
import { engineAvailable, skipReason } from '../support/engine.js';
import { IMPORT_CHECK, layerIds, topLayerBytes } from '../support/images.js';

interface Example {
  readonly name: string;
  readonly python: string;
  readonly poetry: string;
  /** Modules the dev image must import, as in `import a, b`. */
  readonly devPackage: string;
  /** Checks the app image's default start. */
  readonly start: (image: string) => void;
  /** The compose services (default app and dev): a web app gets the services it needs too. */
  readonly services?: readonly string[];
}

const examples: readonly Example[] = [
  {
    name: 'seed-poetry1',
    python: '3.11',
    poetry: '1.3.2',
    devPackage: 'pytest',
    start(image) {
      const run = must('docker', ['run', '--rm', image]);
      expect(run.stdout).toContain('< Hello world >');
    },
  },
  {
    name: 'poetry2-cli',
    python: '3.13',
    poetry: '2.1.2',
    devPackage: 'pytest',
    start(image) {
      expect(must('docker', ['run', '--rm', image]).stdout).toContain('Greets people.');
      expect(must('docker', ['run', '--rm', image, 'greet', 'crane']).stdout).toContain('Hello, crane!');
    },
  },
  {
    name: 'poetry-app',
    python: '3.13',
    poetry: '2.1.2',
    // psycopg2 needs libpq5 from [tool.pycrane.apt] runtime in the dev image too.
    devPackage: 'pytest, psycopg2',
    // psycopg2 in the lock: a Postgres service, credentials from .env.
    services: ['app', 'db', 'dev'],
    start(image) {
      const id = must('docker', ['run', '-d', image]).stdout.trim();
      try {
        const probe = 'import urllib.request, json; print(urllib.request.urlopen("http://127.0.0.1:8000/health", timeout=2).read().decode())';
        let body = '';
        for (let i = 0; i < 40 && !body.includes('healthy'); i++) {
          const r = sh('docker', ['exec', id, 'python', '-c', probe]);
          body = r.code === 0 ? r.stdout : '';
          if (!body) sh('sleep', ['0.5']);
        }
        expect(body).toContain('healthy');
        // Exec form: SIGTERM reaches gunicorn, which stops at once.
        const stop = must('docker', ['stop', '--time', '10', id]);
        expect(stop.ms).toBeLessThan(5000);
      } finally {
        sh('docker', ['rm', '-f', id]);
      }
    },
  },
];

describe.skipIf(!engineAvailable)(`init on the real engine${engineAvailable ? '' : ` (skipped: ${skipReason})`}`, () => {
  for (const example of examples) {
    describe(example.name, () => {
      const tag = `pycrane-e2e-init-${example.name}`;
      const project = `pycrane-e2e-${example.name}`;
      let dir = '';

      beforeAll(async () => {
        dir = await copyExample(example.name);
        const init = await cli(['init', dir, '--yes']);
        expect(init.stderr).toBe('');
        expect(init.code).toBe(0);
        // A web app's compose file takes its credentials from .env, as README.Docker.md says.
        if (existsSync(path.join(dir, '.env.example'))) await copyFile(path.join(dir, '.env.example'), path.join(dir, '.env'));
      });

      afterAll(() => {
        if (dir) sh('docker', ['compose', '--project-directory', dir, '-p', project, 'down', '--volumes', '--timeout', '1']);
      });

      it('builds app, which runs its entrypoint as a numeric non-root user with nothing but the app', async () => {
        buildx(dir, 'app', `${tag}:app`);
        example.start(`${tag}:app`);

        // Python as PID 1: with the image's STOPSIGNAL SIGINT, docker stop ends it at once
        // (a SIGTERM would be dropped and the container killed after the timeout).
        const stopSignal = must('docker', ['image', 'inspect', '--format', '{{.Config.StopSignal}}', `${tag}:app`]).stdout.trim();
        if (stopSignal === 'SIGINT') {
          const id = must('docker', ['run', '-d', '--entrypoint', 'python', `${tag}:app`, '-c', 'import time\nprint("up", flush=True)\ntime.sleep(120)']).stdout.trim();
          try {
            for (let i = 0; i < 40 && !sh('docker', ['logs', id]).stdout.includes('up'); i++) sh('sleep', ['0.25']);
            expect(must('docker', ['stop', '--time', '10', id]).ms).toBeLessThan(3000);
          } finally {
            sh('docker', ['rm', '-f', id]);
          }
        }

        const user = must('docker', ['image', 'inspect', '--format', '{{.Config.User}}', `${tag}:app`]).stdout.trim();
        expect(user).toMatch(/^[1-9]\d*:\d+$/);
        expect(must('docker', ['run', '--rm', '--entrypoint', 'id', `${tag}:app`, '-u']).stdout.trim()).toBe('10001');

        const leftovers = sh('docker', [
          'run', '--rm', '--entrypoint', 'sh', `${tag}:app`, '-c',
          'for t in poetry pipx pip3.99 gcc cc g++ sudo; do command -v $t; done; ls -d /opt/pipx /root/.cache/pip /root/.cache/pypoetry 2>/dev/null; true',
        ]);
        expect(leftovers.stdout.trim()).toBe('');
        const python = must('docker', ['run', '--rm', '--entrypoint', 'python', `${tag}:app`, '-c', 'import sys; print(sys.prefix, "%d.%d" % sys.version_info[:2])']);
        expect(python.stdout.trim()).toBe(`/opt/venv ${example.python}`);

        const facts = await inspectProject(nodeReader(dir));
        // Packages behind a marker (Windows-only, ...) are not expected on Linux.
        const main = Object.fromEntries(
          expectedFromLock(facts.lock?.packages ?? []).expected.filter((p) => !p.markers).map((p) => [p.name, p.version]),
        );
        expect(Object.keys(main).length).toBeGreaterThan(0);
        const imports = must('docker', ['run', '--rm', '--entrypoint', 'python', `${tag}:app`, '-c', IMPORT_CHECK, JSON.stringify(main)]);
        expect(JSON.parse(imports.stdout)).toEqual([]);
      });

      it('builds dev with the dev dependencies, Poetry and sudo, for the UID it is given', () => {
        buildx(dir, 'dev', `${tag}:dev`, ['--build-arg', 'DEV_UID=4321', '--build-arg', 'DEV_GID=4322']);
        const check = must('docker', [
          'run', '--rm', `${tag}:dev`, 'sh', '-c',
          `id -u; id -g; poetry --version; sudo -n true && echo sudo-ok; python -c "import ${example.devPackage}; print('dev-ok')"; touch /opt/venv/writable && echo venv-ok; bash -lc "command -v python"`,
        ]);
        const lines = check.stdout.trim().split('\n');
        expect(lines[0]).toBe('4321');
        expect(lines[1]).toBe('4322');
        expect(lines[2]).toContain(example.poetry);
        // The last line: a login shell (which resets PATH from /etc/profile) still finds the venv.
        expect(lines.slice(3)).toEqual(['sudo-ok', 'dev-ok', 'venv-ok', '/opt/venv/bin/python']);
      });

      it('docker compose builds, brings dev up, execs in it, and leaves build-only services alone', async () => {
        // The developer owns the checkout; as root (CI), play a developer with UID 1000.
        if (process.getuid?.() === 0) await chownTree(dir, 1000, 1000);
        const owner = await stat(dir);
        const env = { DEV_UID: String(owner.uid), DEV_GID: String(owner.gid) };
        const compose = (...args: string[]) => ['compose', '--project-directory', dir, '-p', project, ...args];
        must('docker', compose('config', '--quiet'));
        const services = must('docker', compose('config', '--services')).stdout.trim().split('\n').sort();
        expect(services).toEqual(example.services ?? ['app', 'dev']);
        must('docker', compose('up', '--detach', '--build', '--wait', 'dev'), { env });
        const exec = must('docker', compose('exec', '-T', 'dev', 'sh', '-c', `python -c "import ${example.devPackage}" && ls /app/pyproject.toml && id -un && touch /app/made-in-dev`));
        expect(exec.stdout.trim().split('\n')).toEqual(['/app/pyproject.toml', 'dev']);
        // A file the dev container writes into the workspace belongs to the developer.
        expect((await stat(path.join(dir, 'made-in-dev'))).uid).toBe(owner.uid);
        must('docker', compose('down', '--timeout', '1'));
        expect(must('docker', compose('ps', '--quiet')).stdout.trim()).toBe('');
      });
    });
  }

  describe('the dependency layer', () => {
    const tag = 'pycrane-e2e-init-cache';
    let dir = '';
    beforeAll(async () => {
      dir = await copyExample('poetry2-cli');
      expect((await cli(['init', dir, '--yes'])).code).toBe(0);
      buildx(dir, 'app', `${tag}:app`);
    });

    it('survives a source-only edit', async () => {
      // Unique, so that BuildKit cannot find this very source in its cache from an earlier run.
      const before = layerIds(`${tag}:app`);
      await appendFile(path.join(dir, 'src/hello_cli/cli.py'), `\n# a source-only edit ${Date.now()} ${Math.random()}\n`);
      const rebuild = buildx(dir, 'app', `${tag}:app`);
      expect(stepCached(rebuild.log, 'poetry install --no-root --only main')).toBe(true);
      // Exactly one layer of the app image changes (the project's files, on top): the 11.8 MB of
      // dependencies below it keep their digest, so a registry re-sends only that layer.
      const after = layerIds(`${tag}:app`);
      expect(after.filter((id) => !before.includes(id))).toEqual([after[after.length - 1]]);
      expect(topLayerBytes(`${tag}:app`)).toBeLessThan(100_000);
      expect(stepCached(rebuild.log, 'COPY --link src/hello_cli')).toBe(false);
      console.log(`[numbers] poetry2-cli rebuild after a source edit: ${rebuild.ms} ms, app image ${imageSize(`${tag}:app`)} bytes`);
    });

    it('follows the lock: a dependency added to the lock is importable after the rebuild', async () => {
      // Relock with the project's own pinned Poetry: the builder stage of the generated Dockerfile.
      buildx(dir, 'builder', `${tag}:builder`);
      must('docker', ['run', '--rm', '--network', 'host', '-v', `${dir}:/w`, '-w', '/w', `${tag}:builder`, 'poetry', 'add', '--lock', 'requests']);
      expect(await readFile(path.join(dir, 'poetry.lock'), 'utf8')).toContain('name = "requests"');
      // (The install step may come from BuildKit's cache of an earlier run with this same
      // lock: what matters is that the image has the new package.)
      buildx(dir, 'app', `${tag}:app`);
      must('docker', ['run', '--rm', '--entrypoint', 'python', `${tag}:app`, '-c', 'import requests']);
      // The dev service picks it up too: its image is rebuilt from the new lock.
      const compose = ['compose', '--project-directory', dir, '-p', 'pycrane-e2e-cache'];
      if (process.getuid?.() === 0) await chownTree(dir, 1000, 1000);
      try {
        must('docker', [...compose, 'up', '--detach', '--build', '--wait', 'dev']);
        must('docker', [...compose, 'exec', '-T', 'dev', 'python', '-c', 'import requests']);
      } finally {
        sh('docker', [...compose, 'down', '--timeout', '1']);
      }
    });
  });
});
