/**
 * The generated devcontainer.json, brought up by the reference implementation of the Dev
 * Containers spec (@devcontainers/cli), as VS Code would: compose `dev` service, remote
 * user, postCreateCommand, the venv's interpreter, a writable workspace.
 */
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { chownTree, copyExample, must, sh } from '../support/docker.js';
import { engineAvailable, skipReason } from '../support/engine.js';

const devcontainerBin = path.join(path.dirname(createRequire(import.meta.url).resolve('@devcontainers/cli/package.json')), 'devcontainer.js');

describe.skipIf(!engineAvailable)(`devcontainer up on the real engine${engineAvailable ? '' : ` (skipped: ${skipReason})`}`, () => {
  let dir = '';
  afterAll(() => {
    if (dir) sh('docker', ['compose', '--project-directory', dir, '-p', 'hello-cli', 'down', '--timeout', '1']);
  });

  it('brings the dev service up as the non-root dev user with the venv and dev dependencies', async () => {
    dir = await copyExample('poetry2-cli');
    expect((await cli(['init', dir, '--yes'])).code).toBe(0);
    if (process.getuid?.() === 0) await chownTree(dir, 1000, 1000);
    const up = must(process.execPath, [devcontainerBin, 'up', '--workspace-folder', dir]);
    const result = JSON.parse(up.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
    expect(result).toMatchObject({ outcome: 'success', remoteUser: 'dev', remoteWorkspaceFolder: '/app' });

    const exec = must(process.execPath, [
      devcontainerBin, 'exec', '--workspace-folder', dir, 'sh', '-c',
      'id -un; command -v python; python -c "import pytest, hello_cli; print(\'imports-ok\')"; git config --global --get-all safe.directory; touch /app/from-devcontainer && echo touched',
    ]);
    expect(exec.stdout.trim().split('\n')).toEqual(['dev', '/opt/venv/bin/python', 'imports-ok', '/app', 'touched']);
    expect((await stat(path.join(dir, 'from-devcontainer'))).uid).toBe((await stat(dir)).uid);
  });
});
