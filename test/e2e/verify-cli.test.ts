/**
 * pycrane verify through the CLI: exit codes, JSON, --project, --max-size and --probe on the
 * fixture images (good.Dockerfile and a broken one).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { captureContext } from '../support/cli.js';
import { engineAvailable, skipReason } from '../support/engine.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/broken-images');
const context = path.join(fixtures, 'context');
const prefix = `pycrane-e2e-verify-cli-${process.pid}`;

function docker(args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function cli() {
  return captureContext(context, { ...process.env, CI: 'true' });
}

interface Report {
  verdict: string;
  checks: { id: string; status: string; evidence: string[] }[];
}

describe.skipIf(!engineAvailable)(`pycrane verify CLI${skipReason ? ` (${skipReason})` : ''}`, () => {
  const good = `${prefix}-good:t`;
  const missing = `${prefix}-missing:t`;

  beforeAll(() => {
    for (const [tag, file] of [
      [good, 'good.Dockerfile'],
      [missing, 'missing-dependency.Dockerfile'],
    ] as const) {
      docker(['buildx', 'build', '--load', '--network', 'host', '--progress', 'quiet', '-f', path.join(fixtures, file), '-t', tag, context]);
    }
  });

  afterAll(() => {
    docker(['image', 'rm', '--force', good, missing]);
  });

  it('exit 0 and a text report with evidence for a good image', async () => {
    const t = cli();
    expect(await runCli(['verify', good, '--project', '.'], t.ctx)).toBe(0);
    expect(t.out()).toMatch(/PASS {2}user .*\n.*image config User: "10001:10001"\n.*id -u at run time: 10001/);
    expect(t.out()).toMatch(/PASS {2}dependencies[\s\S]*hello-cow 1\.0\.0 \(import hello\)/);
    // health is skipped: the fixture has no HEALTHCHECK.
    expect(t.out()).toMatch(/12 checks: 11 passed, 0 failed, 1 skipped in \d+\.\d s/);
  });

  it('exit 1 and JSON naming the failed check', async () => {
    const t = cli();
    expect(await runCli(['verify', missing, '--project', '.', '--json'], t.ctx)).toBe(1);
    const report = JSON.parse(t.out()) as Report;
    expect(report.verdict).toBe('fail');
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['dependencies']);
    expect(report.checks.find((c) => c.id === 'dependencies')?.evidence).toEqual(['hello-cow 1.0.0: not installed']);
  });

  it('evaluates lock markers inside the image and leaves out optional (extras) packages', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pycrane-e2e-markers-'));
    try {
      cpSync(context, dir, { recursive: true });
      const extra = [
        '',
        '[[package]]',
        'name = "colorama"',
        'version = "0.4.6"',
        'description = "Windows only"',
        'optional = false',
        'python-versions = "*"',
        'groups = ["main"]',
        'markers = {main = "platform_system == \\"Windows\\""}',
        'files = []',
        '',
        '[[package]]',
        'name = "rich"',
        'version = "13.9.4"',
        'description = "an extra"',
        'optional = true',
        'python-versions = "*"',
        'groups = ["main"]',
        'markers = "extra == \\"fancy\\""',
        'files = []',
        '',
      ].join('\n');
      const lock = readFileSync(path.join(dir, 'poetry.lock'), 'utf8').replace('\n[metadata]', `${extra}\n[metadata]`);
      writeFileSync(path.join(dir, 'poetry.lock'), lock);
      const t = cli();
      expect(await runCli(['verify', good, '--project', dir, '--json'], t.ctx), t.err()).toBe(0);
      const report = JSON.parse(t.out()) as Report;
      const deps = report.checks.find((c) => c.id === 'dependencies');
      expect(deps?.status).toBe('pass');
      expect(deps?.evidence).toContain('colorama: not for this image (platform_system == "Windows")');
      expect(t.err()).toMatch(/optional, extras only\): rich/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without a project the dependency check is skipped, not passed', async () => {
    const t = cli();
    expect(await runCli(['verify', missing, '--json'], t.ctx)).toBe(0);
    const report = JSON.parse(t.out()) as Report;
    expect(report.checks.find((c) => c.id === 'dependencies')?.status).toBe('skip');
  });

  it('--max-size fails only the size check; --probe runs a command that must exit 0', async () => {
    const t = cli();
    expect(await runCli(['verify', good, '--project', '.', '--json', '--max-size', '50MB'], t.ctx)).toBe(1);
    const report = JSON.parse(t.out()) as Report;
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['size']);
    const p = cli();
    expect(await runCli(['verify', good, '--json', '--probe', 'python -c "raise SystemExit(3)"'], p.ctx)).toBe(1);
    const probed = JSON.parse(p.out()) as Report;
    expect(probed.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['entrypoint']);
  });

  it('exit 2 for an image that does not exist', async () => {
    const t = cli();
    expect(await runCli(['verify', `${prefix}-nope:t`], t.ctx)).toBe(2);
    expect(t.err()).toMatch(/no image/);
  });
});
