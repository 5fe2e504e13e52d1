/**
 * Shared by every end-to-end test: does a Docker engine answer?
 *
 * Runs `docker version --format {{.Server.Version}}` once, synchronously (10 s timeout), so
 * test files can write `describe.skipIf(!engineAvailable)(...)` and report WHY they skipped.
 * Start one for local runs with `../shared/docker-lab/up` (see docs/build.md, "Contributors").
 */
import { spawnSync } from 'node:child_process';

function probe(): { available: boolean; version: string; reason: string } {
  const result = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], {
    encoding: 'utf8',
    timeout: 10_000,
    env: process.env,
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the docker CLI is not installed' : `docker version failed: ${result.error.message}`;
    return { available: false, version: '', reason: `no Docker engine: ${why}` };
  }
  const version = (result.stdout ?? '').trim();
  if (result.status !== 0 || version === '') {
    const detail = (result.stderr ?? '').trim().split('\n')[0] ?? '';
    return { available: false, version: '', reason: `no Docker engine answers (docker version exited ${String(result.status)}: ${detail})` };
  }
  // The examples and fixtures install from the docker-lab's offline PyPI mirror and build
  // FROM its Python images: an engine without them cannot run these tests.
  const port = process.env.DOCKER_LAB_PORT ?? '3141';
  const index = spawnSync(
    process.execPath,
    ['-e', `fetch(${JSON.stringify(`http://127.0.0.1:${port}/trixie/simple/`)}).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`],
    { timeout: 10_000 },
  );
  if (index.status !== 0) {
    return { available: false, version, reason: `the Docker engine answers, but the docker-lab package mirror on 127.0.0.1:${port} does not (start it with ../shared/docker-lab/up)` };
  }
  const images = spawnSync('docker', ['image', 'inspect', '--format', '{{index .Config.Labels "org.docker-lab.suite"}}', 'python:3.13-slim', 'python:3.11-slim'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (images.status !== 0 || images.stdout.trim().split('\n').length !== 2) {
    return { available: false, version, reason: 'the docker-lab Python images (python:3.11-slim, python:3.13-slim) are missing (../shared/docker-lab/up builds them)' };
  }
  return { available: true, version, reason: '' };
}

const probed = probe();

/** true when `docker version` reached a server and the docker-lab's mirror and images are there. */
export const engineAvailable: boolean = probed.available;
/** The server's version (e.g. `20.10.24+dfsg1`), or '' when none answers. */
export const engineVersion: string = probed.version;
/** Why e2e tests skip; '' when an engine answers. */
export const skipReason: string = probed.reason;

if (!engineAvailable) {
  // Make the reason visible in the test output: vitest prints skipped suites without one.
  console.warn(`[e2e] skipping Docker tests: ${skipReason}`);
}

// CI starts the lab before the tests: there, a missing engine is a failure, not a skip.
if (!engineAvailable && process.env.PYCRANE_E2E_REQUIRED === '1') {
  throw new Error(`PYCRANE_E2E_REQUIRED=1 but ${skipReason}`);
}
