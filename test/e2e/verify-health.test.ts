/**
 * verify's health probe on the real engine: two tiny images built here, both serving
 * `python -m http.server 8000`; one's HEALTHCHECK requests that port (every check passes), the
 * other's a port nothing listens on (only `health` fails, with the check's own output); and an
 * app that exits at start because its database is missing (`health` skipped with a note).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerCli } from '../../src/engine/docker-cli.js';
import { nodeExec } from '../../src/engine/exec.js';
import { parseVerifyConfig } from '../../src/engine/pure/config.js';
import { verifyImage, type VerifyReport } from '../../src/engine/verify.js';
import { must } from '../support/docker.js';
import { engineAvailable, skipReason } from '../support/engine.js';

const prefix = `pycrane-e2e-health-${process.pid}`;

/** A server image whose HEALTHCHECK requests http://127.0.0.1:PORT/ with the standard library. */
function dockerfile(checkPort: number, interval: string, cmd: string): string {
  const probe = `import urllib.request; urllib.request.urlopen('http://127.0.0.1:${checkPort}/', timeout=2)`;
  return [
    'FROM python:3.13-slim',
    'RUN useradd --uid 10001 --user-group --no-create-home --home-dir /nonexistent app',
    'WORKDIR /srv',
    'USER 10001:10001',
    'EXPOSE 8000',
    // http.server ends on KeyboardInterrupt: SIGINT stops it at once (a Python PID 1 ignores SIGTERM).
    'STOPSIGNAL SIGINT',
    `HEALTHCHECK --interval=${interval} --timeout=3s --start-period=2s --retries=1 CMD ${JSON.stringify(['python3', '-c', probe])}`,
    `CMD ${cmd}`,
    '',
  ].join('\n');
}

const serve = '["python3", "-m", "http.server", "8000", "--bind", "0.0.0.0"]';
// What an app that connects to its database at start does without one: it says so and exits.
const needsDb = JSON.stringify(['python3', '-c', "import socket, sys; socket.create_connection(('db', 5432), timeout=2)"]);

const cases = [
  // The image's interval is 30 s: verify's 1 s interval makes it healthy within seconds.
  { name: 'answers', checkPort: 8000, interval: '30s', cmd: serve },
  // start period 2 s + 1 retry x 2 s: docker would call it unhealthy at 4 s, verify waits its 5 s floor.
  { name: 'nothing-listens', checkPort: 8999, interval: '2s', cmd: serve },
  { name: 'needs-db', checkPort: 8000, interval: '30s', cmd: needsDb },
] as const;

const tag = (name: string) => `${prefix}-${name}:test`;
const timings: string[] = [];

describe.skipIf(!engineAvailable)(`verify probes the HEALTHCHECK${skipReason ? ` (${skipReason})` : ''}`, () => {
  const engine = new DockerCli({ exec: nodeExec, env: process.env });
  const { config } = parseVerifyConfig({});
  const run = (name: string): Promise<VerifyReport> => verifyImage(engine, { image: tag(name), expected: undefined, dockerfileBase: 'python:3.13-slim', config });

  beforeAll(() => {
    for (const c of cases) must('docker', ['build', '--quiet', '--network', 'host', '-t', tag(c.name), '-'], { input: dockerfile(c.checkPort, c.interval, c.cmd) });
  });

  afterAll(() => {
    must('docker', ['image', 'rm', '--force', ...cases.map((c) => tag(c.name))]);
    if (timings.length > 0) console.log(`verify health probe:\n${timings.join('\n')}`);
  });

  it('passes an image whose server answers its health check', async () => {
    const report = await run('answers');
    const health = report.checks.find((c) => c.id === 'health');
    timings.push(`answers: verify ${report.durationMs} ms; ${health?.evidence[1] ?? ''}`);
    expect(health?.status, JSON.stringify(health, null, 2)).toBe('pass');
    expect(health?.evidence[0]).toContain("urlopen('http://127.0.0.1:8000/'");
    expect(health?.evidence[1]).toMatch(/^healthy after \d+(\.\d)? s/);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.verdict).toBe('pass');
    // Healthy at the first check after the one-second interval, not after the image's 30 s.
    expect(report.durationMs).toBeLessThan(25_000);
  });

  it('fails an image whose health check targets a port nothing listens on, with the last check output', async () => {
    const report = await run('nothing-listens');
    const health = report.checks.find((c) => c.id === 'health');
    timings.push(`nothing-listens: verify ${report.durationMs} ms; ${health?.evidence[1] ?? ''}`);
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['health']);
    expect(health?.evidence[1]).toMatch(/^unhealthy after \d+(\.\d)? s \(limit 5 s/);
    expect(health?.evidence[2]).toMatch(/^last check exited 1: .*Connection refused/);
    expect(report.verdict).toBe('fail');
  });

  it('skips the probe, with a note, for an app that exits because its database is missing', async () => {
    const report = await run('needs-db');
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    timings.push(`needs-db: verify ${report.durationMs} ms; ${byId.health?.evidence[1] ?? ''}`);
    expect(byId.health?.status, JSON.stringify(byId.health, null, 2)).toBe('skip');
    expect(byId.health?.evidence[1]).toMatch(/^the default command exited \(code 1\) after \d+(\.\d)? s, before a check passed: nothing to probe$/);
    expect(byId.health?.evidence[2]).toContain('docker compose up --wait');
    // The entrypoint check is what fails, with the app's own error.
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['entrypoint']);
    expect(byId.entrypoint?.evidence.join(' ')).toMatch(/socket\.gaierror|Name or service not known|Temporary failure in name resolution/);
  });
});
