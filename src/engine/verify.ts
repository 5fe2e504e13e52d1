/**
 * `pycrane verify`: observe an image (config, history, one in-image Python probe, a start, the
 * image's HEALTHCHECK in that run and a `docker stop`), then judge the observations with
 * pure/verify-eval.ts. The probes run concurrently; the start/stop run is the slowest part (a
 * 2 s grace period or the health check, whichever is longer, then the stop).
 */
import { randomBytes } from 'node:crypto';
import { UserError } from '../core/errors.js';
import type { ContainerEngine, ContainerHealth, ContainerState, ImageDetails } from './engine.js';
import type { VerifyConfig } from './pure/config.js';
import { PROBE_MARKER, PROBE_SCRIPT } from './pure/probe-script.js';
import { digestForReference, errorLine, parseReference } from './pure/registry.js';
import { baseFromImage, findBaseByLayers, isLayerPrefix, sizeReport, type BaseImage, type SizeReport } from './pure/size.js';
import {
  evaluateVerify,
  parseProbeOutput,
  verdict,
  type Check,
  type ExpectedPackage,
  type ProbeCommandObservation,
  type ProbeRun,
  type StartObservation,
} from './pure/verify-eval.js';
import {
  effectiveHealthcheck,
  HEALTH_PROBE_INTERVAL_SECONDS,
  healthProgress,
  healthWaitMs,
  type EffectiveHealthcheck,
  type HealthObservation,
  type HealthProgress,
} from './pure/verify-health.js';

export interface VerifyInput {
  readonly image: string;
  /** Locked main dependencies; undefined when there is no project. */
  readonly expected: readonly ExpectedPackage[] | undefined;
  /** The FROM of the Dockerfile's final stage, when verifying a project. */
  readonly dockerfileBase: string | undefined;
  readonly config: VerifyConfig;
  /** How long the default command must survive to count as started (ms). */
  readonly graceMs?: number;
  /** `missing` (default): pull only when the image is not local; `always`: pull first (what the registry serves now). */
  readonly pull?: 'missing' | 'always';
}

export interface VerifyReport {
  readonly image: string;
  readonly imageId: string;
  /** The registry digest verified: the one named (`@sha256:...`) or the image's RepoDigest for its repository; null for a local-only image. */
  readonly digest: string | null;
  /** true when verify pulled the image first. */
  readonly pulled: boolean;
  readonly verdict: 'pass' | 'fail';
  readonly checks: readonly Check[];
  readonly size: SizeReport;
  readonly durationMs: number;
}

/** The last meaningful lines of docker's output (without its "Run 'docker run --help'" trailer). */
export function lastLines(text: string, count: number): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith("Run 'docker"))
    .slice(-count)
    .join(' | ');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pythonOf(image: ImageDetails): string {
  const venv = image.env.find((entry) => entry.startsWith('VIRTUAL_ENV='))?.slice('VIRTUAL_ENV='.length);
  return venv ? `${venv.replace(/\/$/, '')}/bin/python` : 'python3';
}

async function runProbe(engine: ContainerEngine, image: ImageDetails, mode: 'user' | 'root', expected: readonly ExpectedPackage[]): Promise<ProbeRun> {
  const result = await engine.run({
    image: image.id,
    entrypoint: pythonOf(image),
    args: ['-c', PROBE_SCRIPT, mode, JSON.stringify({ packages: expected })],
    network: 'none',
    remove: true,
    labels: { 'org.pycrane.verify': 'probe' },
    ...(mode === 'root' ? { user: '0:0' } : {}),
    timeoutMs: 180_000,
  });
  const output = parseProbeOutput(result.stdout, PROBE_MARKER);
  if (output) return { output, error: output.fatal };
  const detail = lastLines(result.stderr || result.stdout || result.spawnError || '', 2);
  return { output: undefined, error: `${pythonOf(image)} exited ${result.timedOut ? '(timed out)' : result.code}${detail ? `: ${detail}` : ''}` };
}

/** Follows the image's HEALTHCHECK in a started container until it settles (verify-health.ts decides). */
class HealthWatch {
  readonly #healthcheck: EffectiveHealthcheck | undefined;
  readonly #limitMs: number;
  #last: ContainerHealth | undefined;
  #outcome: HealthProgress = 'pending';
  #elapsedMs = 0;

  constructor(image: ImageDetails) {
    this.#healthcheck = effectiveHealthcheck(image.healthcheck);
    this.#limitMs = this.#healthcheck ? healthWaitMs(this.#healthcheck) : 0;
  }

  get active(): boolean {
    return this.#healthcheck !== undefined;
  }

  /** true while the check has not settled. */
  get pending(): boolean {
    return this.#healthcheck !== undefined && this.#outcome === 'pending';
  }

  observe(state: ContainerState | undefined, elapsedMs: number): void {
    if (!this.pending) return;
    this.#last = state?.health ?? this.#last;
    this.#elapsedMs = elapsedMs;
    this.#outcome = healthProgress(this.#last, elapsedMs, this.#limitMs);
  }

  /** The verdict; `waitedMs`: how long the container was watched (for one that exited, when it was seen to). */
  result(state: ContainerState | undefined, started: boolean, waitedMs = 0): HealthObservation | undefined {
    if (!this.#healthcheck) return undefined;
    const base = { healthcheck: this.#healthcheck, elapsedMs: this.#elapsedMs, limitMs: this.#limitMs, health: this.#last };
    if (!started) return { ...base, outcome: 'not-started' };
    if (this.#outcome === 'pending') return { ...base, elapsedMs: waitedMs, outcome: 'exited', ...(state ? { exitCode: state.exitCode } : {}) };
    return { ...base, outcome: this.#outcome };
  }
}

/**
 * Starts the default command, waits `graceMs` AND until `settled` (the probes) resolves, so the
 * app is not signalled while the machine is busy and it is still importing (a Python PID 1
 * ignores SIGTERM until it installs a handler), AND until the image's HEALTHCHECK (run by
 * docker every second) is healthy or past its limit; then times `docker stop`.
 */
async function startAndStop(engine: ContainerEngine, image: ImageDetails, config: VerifyConfig, graceMs: number, settled: Promise<unknown>): Promise<StartObservation> {
  const command = [...(image.entrypoint ?? []), ...(image.cmd ?? [])];
  const name = `pycrane-verify-${randomBytes(6).toString('hex')}`;
  const watch = new HealthWatch(image);
  const base = { command, graceMs, logs: '', stop: undefined };
  const notStarted = (error: string, exitCode: number | undefined): StartObservation => {
    const health = watch.result(undefined, false);
    return { ...base, state: 'failed', exitCode, error, ...(health ? { health } : {}) };
  };
  if (command.length === 0) return notStarted('no ENTRYPOINT or CMD', undefined);
  try {
    const started = await engine.run({
      image: image.id,
      args: [],
      detach: true,
      name,
      init: config.init,
      labels: { 'org.pycrane.verify': 'start' },
      ...(watch.active ? { healthIntervalSeconds: HEALTH_PROBE_INTERVAL_SECONDS } : {}),
      timeoutMs: 60_000,
    });
    if (started.code !== 0) return notStarted(lastLines(started.stderr || started.spawnError || '', 2), started.code);
    const begin = Date.now();
    let done = false;
    void settled.finally(() => {
      done = true;
    });
    let state = await engine.containerState(name);
    watch.observe(state, 0);
    while (state?.running && (Date.now() - begin < graceMs || !done || watch.pending)) {
      await sleep(200);
      state = await engine.containerState(name);
      if (state?.running) watch.observe(state, Date.now() - begin);
    }
    const waited = Date.now() - begin;
    const health = watch.result(state, true, waited);
    const withHealth = health ? { health } : {};
    if (!state?.running) {
      return { ...base, graceMs: waited, state: 'exited', exitCode: state?.exitCode, logs: await engine.logs(name), error: undefined, ...withHealth };
    }
    const t0 = Date.now();
    await engine.stop(name, config.stopTimeout);
    const durationMs = Date.now() - t0;
    const after = await engine.containerState(name);
    return {
      ...base,
      graceMs: waited,
      state: 'running',
      exitCode: undefined,
      error: undefined,
      logs: '',
      stop: { durationMs, exitCode: after?.exitCode, timeoutSeconds: config.stopTimeout },
      ...withHealth,
    };
  } finally {
    await engine.removeContainer(name);
  }
}

async function runProbeCommand(engine: ContainerEngine, image: ImageDetails, config: VerifyConfig): Promise<ProbeCommandObservation | undefined> {
  const configured = config.probe !== undefined;
  if (!configured && (image.entrypoint ?? []).length === 0) return undefined;
  const args = config.probe ?? ['--help'];
  const result = await engine.run({ image: image.id, args, remove: true, init: config.init, labels: { 'org.pycrane.verify': 'probe-command' }, timeoutMs: 60_000 });
  return { args, configured, exitCode: result.code, output: `${result.stdout}${result.stderr}`, timedOut: Boolean(result.timedOut) };
}

async function findBase(engine: ContainerEngine, image: ImageDetails, dockerfileBase: string | undefined): Promise<BaseImage | undefined> {
  const named: [string | undefined, BaseImage['how']][] = [
    [image.labels['org.opencontainers.image.base.name'], 'label'],
    [dockerfileBase, 'dockerfile'],
  ];
  for (const [ref, how] of named) {
    if (!ref) continue;
    const candidate = await engine.inspectImage(ref);
    if (candidate && isLayerPrefix(candidate.layers, image.layers)) return baseFromImage(candidate, ref, how);
  }
  const ids = (await engine.listImageIds()).filter((id) => id !== image.id);
  const candidates = await engine.inspectImages(ids);
  const best = findBaseByLayers(image, candidates);
  if (!best) return undefined;
  // Prefer the tag a Dockerfile would name (`python:3.13-slim` over `python:3` or `python:latest`).
  const rank = (tag: string) => (tag.endsWith(':latest') ? 4 : 0) + (tag.includes('slim') ? 0 : 2) + (/:\d+\.\d+/.test(tag) ? 0 : 1);
  const tag = [...best.repoTags].sort((a, b) => rank(a) - rank(b) || a.length - b.length)[0];
  return baseFromImage(best, tag ?? best.id.replace(/^sha256:/, '').slice(0, 12), 'layers');
}

/** The local image, pulled first when it is missing (or always, when asked). */
async function resolveImage(engine: ContainerEngine, ref: string, pull: 'missing' | 'always'): Promise<{ image: ImageDetails; pulled: boolean }> {
  const local = pull === 'always' ? undefined : await engine.inspectImage(ref);
  if (local) return { image: local, pulled: false };
  const result = await engine.pull(ref);
  const image = result.code === 0 ? await engine.inspectImage(ref) : undefined;
  if (!image) {
    const why = errorLine(result.stderr || result.stdout || result.spawnError || '') || `exit ${result.code}`;
    throw new UserError('E_NO_IMAGE', `no image ${ref} in the local image store, and docker pull ${ref} failed: ${why}`, {
      hint: 'Build it first (pycrane build), or check the reference and `docker login` to its registry.',
    });
  }
  return { image, pulled: true };
}

export async function verifyImage(engine: ContainerEngine, input: VerifyInput): Promise<VerifyReport> {
  const begin = Date.now();
  await engine.info();
  const { image, pulled } = await resolveImage(engine, input.image, input.pull ?? 'missing');
  const digest = digestForReference(input.image, image.repoDigests ?? []);
  const named = parseReference(input.image).digest;
  if (named !== undefined && digest !== named) {
    throw new UserError('E_DIGEST', `${input.image} resolved to ${image.id}, which does not carry ${named}`, { hint: 'Pull it again: pycrane verify --pull REF.' });
  }
  const graceMs = input.graceMs ?? 2000;
  const probes = Promise.all([
    runProbe(engine, image, 'user', input.expected ?? []),
    runProbe(engine, image, 'root', []),
    runProbeCommand(engine, image, input.config),
  ]);
  const [history, [userProbe, rootProbe, probeCommand], start, base] = await Promise.all([
    engine.history(image.id),
    probes,
    startAndStop(engine, image, input.config, graceMs, probes),
    findBase(engine, image, input.dockerfileBase),
  ]);
  const size = sizeReport(image, history, base, input.config.maxSize);
  const checks = evaluateVerify({ image, history, userProbe, rootProbe, start, probeCommand, expected: input.expected, size });
  return { image: input.image, imageId: image.id, digest: digest ?? null, pulled, verdict: verdict(checks), checks, size, durationMs: Date.now() - begin };
}
