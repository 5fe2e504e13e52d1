/**
 * `pycrane dev` on the real engine: brings the generated dev service up for the folder's
 * owner, runs commands in it (their exit code is pycrane's), and takes it down.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { chownTree, copyExample, must, sh } from '../support/docker.js';
import { engineAvailable, skipReason } from '../support/engine.js';

describe.skipIf(!engineAvailable)(`pycrane dev on the real engine${engineAvailable ? '' : ` (skipped: ${skipReason})`}`, () => {
  let dir = '';
  const compose = (...args: string[]) => ['compose', '--project-directory', dir, ...args];
  afterAll(() => {
    if (dir) sh('docker', compose('down', '--timeout', '1'));
  });

  it('runs commands in the dev container as the owner of the project, then takes it down', async () => {
    dir = await copyExample('poetry2-cli');
    expect((await cli(['init', dir, '--yes'])).code).toBe(0);
    // A developer with UID 1234 owns the checkout: the dev user must become 1234 too.
    await chownTree(dir, 1234, 1234);

    const failing = await cli(['dev', dir, '--', 'sh', '-c', 'exit 3']);
    expect(failing.code).toBe(3);
    const made = await cli(['dev', dir, '--no-build', '--', 'sh', '-c', 'test "$(id -u)" = 1234 && python -c "import pytest, hello_cli" && touch /app/from-pycrane-dev']);
    expect(made.code).toBe(0);
    expect((await stat(path.join(dir, 'from-pycrane-dev'))).uid).toBe(1234);

    const down = await cli(['dev', dir, '--down']);
    expect(down.code).toBe(0);
    expect(must('docker', compose('ps', '--quiet')).stdout.trim()).toBe('');
  });

  it('says what is missing: no compose file, no such service', async () => {
    const empty = await copyExample('poetry2-cli');
    const none = await cli(['dev', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no compose file in');
    expect((await cli(['init', empty, '--yes'])).code).toBe(0);
    const wrong = await cli(['dev', empty, '--service', 'web', '--detach']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('has no service "web"');
  });
});
