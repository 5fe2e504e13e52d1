/**
 * The health probe of `pycrane verify`: the image's own HEALTHCHECK, run by docker in the
 * started container (polled faster than the image's interval), judged here. Pure: the
 * observation is data, collected by engine/verify.ts.
 */
import type { ContainerHealth, ImageHealthcheck } from '../engine.js';
import { redact } from './secrets.js';
import type { Check } from './verify-eval.js';

/** Docker's values for a HEALTHCHECK option left at 0 (`docker run --help`, Dockerfile reference). */
export const DOCKER_HEALTH_DEFAULTS = { intervalMs: 30_000, timeoutMs: 30_000, startPeriodMs: 0, retries: 3 } as const;

/** verify runs the check every second (`docker run --health-interval 1s`), so a healthy app passes as soon as it answers. */
export const HEALTH_PROBE_INTERVAL_SECONDS = 1;

/** The longest verify waits for `healthy` (a failing image costs this much), and the shortest. */
export const HEALTH_WAIT_CAP_MS = 60_000;
export const HEALTH_WAIT_FLOOR_MS = 5_000;

/** The HEALTHCHECK with docker's defaults filled in. */
export interface EffectiveHealthcheck {
  readonly test: readonly string[];
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly startPeriodMs: number;
  readonly retries: number;
}

/** The image's health check, defaults applied; undefined when it has none or `HEALTHCHECK NONE`. */
export function effectiveHealthcheck(healthcheck: ImageHealthcheck | undefined): EffectiveHealthcheck | undefined {
  if (!healthcheck || healthcheck.test.length === 0 || healthcheck.test[0] === 'NONE') return undefined;
  const or = (value: number, fallback: number) => (value > 0 ? value : fallback);
  return {
    test: healthcheck.test,
    intervalMs: or(healthcheck.intervalMs, DOCKER_HEALTH_DEFAULTS.intervalMs),
    timeoutMs: or(healthcheck.timeoutMs, DOCKER_HEALTH_DEFAULTS.timeoutMs),
    startPeriodMs: or(healthcheck.startPeriodMs, DOCKER_HEALTH_DEFAULTS.startPeriodMs),
    retries: or(healthcheck.retries, DOCKER_HEALTH_DEFAULTS.retries),
  };
}

/**
 * How long verify waits for `healthy`: the earliest moment docker itself, at the image's own
 * interval, would call the container unhealthy (start period + retries x interval), kept
 * between HEALTH_WAIT_FLOOR_MS and HEALTH_WAIT_CAP_MS. Checks that fail before it (the faster
 * polling counts retries sooner than docker would) do not fail the probe: the app may still
 * be starting.
 */
export function healthWaitMs(healthcheck: EffectiveHealthcheck): number {
  const docker = healthcheck.startPeriodMs + healthcheck.retries * healthcheck.intervalMs;
  return Math.min(HEALTH_WAIT_CAP_MS, Math.max(HEALTH_WAIT_FLOOR_MS, docker));
}

export type HealthProgress = 'pending' | 'healthy' | 'unhealthy' | 'timeout';

/** Where the probe stands after `elapsedMs`: healthy at once; unhealthy or timed out only at the limit. */
export function healthProgress(health: ContainerHealth | undefined, elapsedMs: number, limitMs: number): HealthProgress {
  if (health?.status === 'healthy') return 'healthy';
  if (elapsedMs < limitMs) return 'pending';
  return health?.status === 'unhealthy' ? 'unhealthy' : 'timeout';
}

export interface HealthObservation {
  readonly healthcheck: EffectiveHealthcheck;
  /** `exited`: the default command ended before the check passed; `not-started`: it never ran. */
  readonly outcome: 'healthy' | 'unhealthy' | 'timeout' | 'exited' | 'not-started';
  readonly elapsedMs: number;
  readonly limitMs: number;
  /** The exit code of the container, for `exited`. */
  readonly exitCode?: number;
  /** The last state docker reported (status, failing streak, the last checks). */
  readonly health: ContainerHealth | undefined;
}

/** `CMD-SHELL curl -f ...` / `["python3", "-c", "..."]`, as the check runs. */
export function describeTest(test: readonly string[]): string {
  const [kind, ...rest] = test;
  if (kind === 'CMD-SHELL') return `CMD-SHELL ${rest.join(' ')}`;
  if (kind === 'CMD') return JSON.stringify(rest);
  return JSON.stringify(test);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;

function lastCheckLine(health: ContainerHealth | undefined): string | undefined {
  const last = health?.log.at(-1);
  if (!last) return undefined;
  const output = redact(last.output.split('\n').map((line) => line.trim()).filter(Boolean).slice(-3).join(' | '));
  return `last check exited ${last.exitCode}${output ? `: ${output.length > 300 ? `${output.slice(0, 297)}...` : output}` : ' (no output)'}`;
}

/** The `health` check: the image's HEALTHCHECK turned healthy in the started container. */
export function healthCheck(health: HealthObservation | undefined, imageHealthcheck: ImageHealthcheck | undefined): Check {
  const title = "the image's HEALTHCHECK turns healthy";
  if (!health) {
    const why = imageHealthcheck?.test[0] === 'NONE' ? 'HEALTHCHECK NONE: the health check is switched off' : 'the image has no HEALTHCHECK';
    return { id: 'health', title, status: 'skip', evidence: [why] };
  }
  const hc = health.healthcheck;
  const evidence = [
    `HEALTHCHECK ${describeTest(hc.test)} (interval ${seconds(hc.intervalMs)}, timeout ${seconds(hc.timeoutMs)}, start period ${seconds(hc.startPeriodMs)}, retries ${hc.retries})`,
  ];
  const last = lastCheckLine(health.health);
  if (health.outcome === 'not-started') return { id: 'health', title, status: 'skip', evidence: [...evidence, 'the container did not start: nothing to probe'] };
  if (health.outcome === 'exited') {
    return {
      id: 'health',
      title,
      status: 'skip',
      evidence: [
        ...evidence,
        `the default command exited (code ${health.exitCode ?? '?'}) after ${seconds(health.elapsedMs)}, before a check passed: nothing to probe`,
        'an app that needs its database or other services to start is proven by `docker compose up --wait` (see docs/verify.md)',
        ...(last ? [last] : []),
      ],
    };
  }
  const runs = `run every ${HEALTH_PROBE_INTERVAL_SECONDS} s by docker (--health-interval ${HEALTH_PROBE_INTERVAL_SECONDS}s)`;
  if (health.outcome === 'healthy') {
    return { id: 'health', title, status: 'pass', evidence: [...evidence, `healthy after ${seconds(health.elapsedMs)}, ${runs}`, ...(last ? [last] : [])] };
  }
  const status = health.health?.status ?? 'no health status';
  return {
    id: 'health',
    title,
    status: 'fail',
    evidence: [
      ...evidence,
      `${status} after ${seconds(health.elapsedMs)} (limit ${seconds(health.limitMs)}: start period + retries x interval, at most ${seconds(HEALTH_WAIT_CAP_MS)}), ${runs}; failing streak ${health.health?.failingStreak ?? 0}`,
      ...(last ? [last] : []),
    ],
    hint: 'Check that the server listens on the port and answers the path the HEALTHCHECK requests (docker run IMAGE, then docker inspect --format "{{json .State.Health}}" CONTAINER); an app that needs its services to answer is proven by `docker compose up --wait`.',
  };
}
