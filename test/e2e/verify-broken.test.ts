/**
 * verify on the real engine: a good image passes every check, and each deliberately broken
 * image (test/fixtures/broken-images/*.Dockerfile, one change from good.Dockerfile each)
 * fails exactly the check it breaks.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerCli } from '../../src/engine/docker-cli.js';
import { nodeExec } from '../../src/engine/exec.js';
import { parseVerifyConfig } from '../../src/engine/pure/config.js';
import { formatSize } from '../../src/engine/pure/size.js';
import { verifyImage, type VerifyReport } from '../../src/engine/verify.js';
import { engineAvailable, skipReason } from '../support/engine.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/broken-images');
const prefix = `pycrane-e2e-verify-${process.pid}`;

const cases = [
  { name: 'good', fails: [] },
  { name: 'root-user', fails: ['user'] },
  { name: 'poetry-left-in', fails: ['no-package-managers'] },
  { name: 'missing-dependency', fails: ['dependencies'] },
  { name: 'shell-form-cmd', fails: ['stop'] },
  { name: 'token-in-env', fails: ['no-credentials'] },
  { name: 'venv-other-base', fails: ['venv'] },
  { name: 'sudo-installed', fails: ['no-sudo'] },
  { name: 'pip-cache-left', fails: ['no-caches'] },
] as const;

const built: string[] = [];
const timings: string[] = [];

function docker(args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

describe.skipIf(!engineAvailable)(`verify on broken images${skipReason ? ` (${skipReason})` : ''}`, () => {
  const engine = new DockerCli({ exec: nodeExec, env: process.env });
  const { config } = parseVerifyConfig({});

  beforeAll(() => {
    for (const c of cases) {
      const tag = `${prefix}-${c.name}:test`;
      docker(['buildx', 'build', '--load', '--network', 'host', '--progress', 'plain', '-f', path.join(fixtures, `${c.name}.Dockerfile`), '-t', tag, path.join(fixtures, 'context')]);
      built.push(tag);
    }
  });

  afterAll(() => {
    if (built.length > 0) docker(['image', 'rm', '--force', ...built]);
    if (timings.length > 0) console.log(`verify timings and sizes:\n${timings.join('\n')}`);
  });

  for (const c of cases) {
    it(`${c.name}: ${c.fails.length === 0 ? 'every check passes' : `only ${c.fails.join(', ')} fails`}`, async () => {
      const report: VerifyReport = await verifyImage(engine, {
        image: `${prefix}-${c.name}:test`,
        expected: [{ name: 'hello-cow', version: '1.0.0' }],
        dockerfileBase: 'python:3.13-slim',
        config,
      });
      timings.push(`${c.name}: ${report.durationMs} ms, total ${formatSize(report.size.total)}, over base ${report.size.overBase === undefined ? '?' : formatSize(report.size.overBase)}`);
      const failed = report.checks.filter((check) => check.status === 'fail').map((check) => check.id);
      expect(failed, JSON.stringify(report.checks, null, 2)).toEqual([...c.fails]);
      expect(report.verdict).toBe(c.fails.length === 0 ? 'pass' : 'fail');
    });
  }
});
