/**
 * The facts about images that compose/devcontainer rules rely on, checked on the real engine:
 * - PC705: the slim Python images have neither curl nor wget, so a healthcheck calling them always fails;
 * - PC805: a service that runs the python image's default command without a terminal exits at once.
 */
import { describe, expect, it } from 'vitest';
import { sh } from '../support/docker.js';
import { engineAvailable, skipReason } from '../support/engine.js';

const SLIM = ['python:3.11-slim', 'python:3.13-slim'];

describe.skipIf(!engineAvailable)(`compose and devcontainer rule premises ${skipReason}`, () => {
  it.each(SLIM)('%s has no curl and no wget (PC705)', (image) => {
    const r = sh('docker', ['run', '--rm', '--network', 'none', image, 'sh', '-c', 'command -v curl || echo no-curl; command -v wget || echo no-wget'], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['no-curl', 'no-wget']);
  });

  it('the python image started without a terminal exits at once (PC805)', () => {
    const name = `pycrane-e2e-premise-exits-${process.pid}`;
    try {
      const run = sh('docker', ['run', '-d', '--network', 'none', '--name', name, 'python:3.11-slim'], { timeoutMs: 120_000 });
      expect(run.code, run.stderr).toBe(0);
      const waited = sh('docker', ['wait', name], { timeoutMs: 30_000 });
      expect(waited.code, waited.stderr).toBe(0);
      expect(waited.stdout.trim()).toBe('0');
      const state = sh('docker', ['inspect', '-f', '{{.State.Status}}', name]);
      expect(state.stdout.trim()).toBe('exited');
    } finally {
      sh('docker', ['rm', '-f', name]);
    }
  });
});
