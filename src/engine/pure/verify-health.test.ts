import { describe, expect, it } from 'vitest';
import type { ContainerHealth } from '../engine.js';
import { describeTest, effectiveHealthcheck, HEALTH_WAIT_CAP_MS, HEALTH_WAIT_FLOOR_MS, healthCheck, healthProgress, healthWaitMs, type HealthObservation } from './verify-health.js';

const test = ['CMD', 'python3', '-c', "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2)"];
const image = { test, intervalMs: 10_000, timeoutMs: 3_000, startPeriodMs: 5_000, retries: 3 };
const hc = effectiveHealthcheck(image)!;

const health = (status: string, exitCode: number, output: string, failingStreak = 0): ContainerHealth => ({
  status,
  failingStreak,
  log: [{ exitCode, output, start: '', end: '' }],
});

const observation = (over: Partial<HealthObservation>): HealthObservation => ({ healthcheck: hc, outcome: 'healthy', elapsedMs: 1400, limitMs: healthWaitMs(hc), health: health('healthy', 0, ''), ...over });

describe('effectiveHealthcheck', () => {
  it("fills docker's defaults for options left at 0", () => {
    expect(effectiveHealthcheck({ test: ['CMD-SHELL', 'true'], intervalMs: 0, timeoutMs: 0, startPeriodMs: 0, retries: 0 })).toEqual({
      test: ['CMD-SHELL', 'true'],
      intervalMs: 30_000,
      timeoutMs: 30_000,
      startPeriodMs: 0,
      retries: 3,
    });
    expect(hc).toEqual(image);
  });

  it('is undefined without a HEALTHCHECK or with HEALTHCHECK NONE', () => {
    expect(effectiveHealthcheck(undefined)).toBeUndefined();
    expect(effectiveHealthcheck({ ...image, test: ['NONE'] })).toBeUndefined();
    expect(effectiveHealthcheck({ ...image, test: [] })).toBeUndefined();
  });
});

describe('healthWaitMs', () => {
  it("waits until docker itself would call it unhealthy: start period + retries x interval, within the floor and the cap", () => {
    expect(healthWaitMs(hc)).toBe(35_000);
    expect(healthWaitMs({ ...hc, intervalMs: 1000, retries: 1, startPeriodMs: 0 })).toBe(HEALTH_WAIT_FLOOR_MS);
    expect(healthWaitMs({ ...hc, intervalMs: 30_000 })).toBe(HEALTH_WAIT_CAP_MS);
  });
});

describe('healthProgress', () => {
  it('passes at the first healthy status and fails only at the limit', () => {
    expect(healthProgress(health('healthy', 0, ''), 100, 5000)).toBe('healthy');
    expect(healthProgress(health('unhealthy', 1, 'refused', 3), 4999, 5000)).toBe('pending');
    expect(healthProgress(health('unhealthy', 1, 'refused', 3), 5000, 5000)).toBe('unhealthy');
    expect(healthProgress(health('starting', 1, ''), 6000, 5000)).toBe('timeout');
    expect(healthProgress(undefined, 6000, 5000)).toBe('timeout');
    expect(healthProgress(undefined, 10, 5000)).toBe('pending');
  });
});

describe('healthCheck', () => {
  it('passes a healthy run with the command, the time and the last output', () => {
    const check = healthCheck(observation({ health: health('healthy', 0, '200 OK\n') }), image);
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      `HEALTHCHECK ${JSON.stringify(test.slice(1))} (interval 10 s, timeout 3 s, start period 5 s, retries 3)`,
      'healthy after 1.4 s, run every 1 s by docker (--health-interval 1s)',
      'last check exited 0: 200 OK',
    ]);
  });

  it('fails an unhealthy or never-healthy run with the last check output and a hint', () => {
    const refused = health('unhealthy', 1, 'Traceback (most recent call last):\n  ...\nurllib.error.URLError: <urlopen error [Errno 111] Connection refused>\n', 7);
    const check = healthCheck(observation({ outcome: 'unhealthy', elapsedMs: 35_200, limitMs: 35_000, health: refused }), image);
    expect(check.status).toBe('fail');
    expect(check.evidence[1]).toBe('unhealthy after 35.2 s (limit 35 s: start period + retries x interval, at most 60 s), run every 1 s by docker (--health-interval 1s); failing streak 7');
    expect(check.evidence[2]).toBe('last check exited 1: Traceback (most recent call last): | ... | urllib.error.URLError: <urlopen error [Errno 111] Connection refused>');
    expect(check.hint).toMatch(/docker compose up --wait/);
    const timeout = healthCheck(observation({ outcome: 'timeout', elapsedMs: 60_000, limitMs: 60_000, health: undefined }), image);
    expect(timeout.status).toBe('fail');
    expect(timeout.evidence[1]).toMatch(/^no health status after 60 s/);
  });

  it('masks credentials in the health output', () => {
    const check = healthCheck(observation({ outcome: 'unhealthy', health: health('unhealthy', 1, 'GET https://user:hunter2secret@db.example/ failed') }), image);
    expect(check.evidence.join('\n')).not.toContain('hunter2secret');
  });

  it('skips images without a health check, containers that exited, and containers that never started', () => {
    expect(healthCheck(undefined, undefined)).toMatchObject({ status: 'skip', evidence: ['the image has no HEALTHCHECK'] });
    expect(healthCheck(undefined, { ...image, test: ['NONE'] }).evidence).toEqual(['HEALTHCHECK NONE: the health check is switched off']);
    const exited = healthCheck(observation({ outcome: 'exited', exitCode: 3, elapsedMs: 900, health: health('starting', 1, 'refused') }), image);
    expect(exited.status).toBe('skip');
    expect(exited.evidence[1]).toBe('the default command exited (code 3) after 0.9 s, before a check passed: nothing to probe');
    expect(exited.evidence[2]).toMatch(/docker compose up --wait/);
    expect(healthCheck(observation({ outcome: 'not-started' }), image).status).toBe('skip');
  });

  it('names shell-form checks as docker does', () => {
    expect(describeTest(['CMD-SHELL', 'curl -f http://localhost/ || exit 1'])).toBe('CMD-SHELL curl -f http://localhost/ || exit 1');
    expect(describeTest(['CMD', 'pg_isready'])).toBe('["pg_isready"]');
  });
});
