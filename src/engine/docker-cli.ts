/**
 * ContainerEngine over the docker CLI (argv arrays, no shell): parity with the user's docker
 * for BuildKit/buildx, contexts, credential stores and .dockerignore.
 */
import * as z from 'zod';
import { EngineUnavailableError, PycraneError } from '../core/errors.js';
import type {
  ComposeOptions,
  BuildOutcome,
  BuildRequest,
  BuildSink,
  ComposeCommand,
  ContainerEngine,
  ContainerState,
  EngineInfo,
  HistoryEntry,
  ImageDetails,
  RunRequest,
} from './engine.js';
import type { ExecFn, ExecRequest, ExecResult } from './exec.js';
import { parseBuilderInspect, type BuilderInfo } from './pure/build-errors.js';
import { classifyRegistryError, errorLine, parseRemoteImage, type RemoteLookup } from './pure/registry.js';

export interface DockerCliOptions {
  readonly exec: ExecFn;
  /** The environment every docker call gets (DOCKER_HOST, DOCKER_CONFIG, PATH, ...). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The docker executable; `docker` from PATH by default. */
  readonly dockerPath?: string;
  readonly cwd?: string;
}

/** What the user can do when no engine answers (docs/build.md repeats it). */
export const START_ENGINE_HINT =
  'Start Docker Desktop, or the Docker daemon (`sudo systemctl start docker` or `dockerd`), or point DOCKER_HOST at a running engine; `docker version` must show a Server section.';

const imageSchema = z.object({
  Id: z.string(),
  RepoTags: z.array(z.string()).nullish(),
  RepoDigests: z.array(z.string()).nullish(),
  Created: z.string().nullish(),
  Size: z.number(),
  Config: z
    .object({
      User: z.string().nullish(),
      Env: z.array(z.string()).nullish(),
      Entrypoint: z.array(z.string()).nullish(),
      Cmd: z.array(z.string()).nullish(),
      WorkingDir: z.string().nullish(),
      Labels: z.record(z.string(), z.string()).nullish(),
      StopSignal: z.string().nullish(),
      Healthcheck: z
        .object({
          Test: z.array(z.string()).nullish(),
          Interval: z.number().nullish(),
          Timeout: z.number().nullish(),
          StartPeriod: z.number().nullish(),
          Retries: z.number().nullish(),
        })
        .nullish(),
    })
    .nullish(),
  RootFS: z.object({ Layers: z.array(z.string()).nullish() }).nullish(),
});

const historySchema = z.object({
  ID: z.string(),
  CreatedBy: z.string(),
  Size: z.union([z.string(), z.number()]),
  Comment: z.string().nullish(),
});

const stateSchema = z.object({
  State: z.object({
    Status: z.string(),
    Running: z.boolean(),
    ExitCode: z.number(),
    StartedAt: z.string(),
    FinishedAt: z.string(),
    Health: z
      .object({
        Status: z.string(),
        FailingStreak: z.number().nullish(),
        Log: z.array(z.object({ Start: z.string().nullish(), End: z.string().nullish(), ExitCode: z.number(), Output: z.string().nullish() })).nullish(),
      })
      .nullish(),
  }),
});

const nsToMs = (ns: number | null | undefined): number => Math.round((ns ?? 0) / 1e6);

function toImage(raw: z.infer<typeof imageSchema>): ImageDetails {
  const config = raw.Config ?? {};
  return {
    id: raw.Id,
    repoTags: raw.RepoTags ?? [],
    repoDigests: raw.RepoDigests ?? [],
    created: raw.Created ?? '',
    size: raw.Size,
    user: config.User ?? '',
    env: config.Env ?? [],
    entrypoint: config.Entrypoint ?? undefined,
    cmd: config.Cmd ?? undefined,
    workingDir: config.WorkingDir ?? '',
    labels: config.Labels ?? {},
    stopSignal: config.StopSignal ?? undefined,
    layers: raw.RootFS?.Layers ?? [],
    ...(config.Healthcheck?.Test && config.Healthcheck.Test.length > 0
      ? {
          healthcheck: {
            test: config.Healthcheck.Test,
            intervalMs: nsToMs(config.Healthcheck.Interval),
            timeoutMs: nsToMs(config.Healthcheck.Timeout),
            startPeriodMs: nsToMs(config.Healthcheck.StartPeriod),
            retries: config.Healthcheck.Retries ?? 0,
          },
        }
      : {}),
  };
}

function parseJson(what: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PycraneError('E_ENGINE_OUTPUT', `could not read the output of ${what}: ${text.slice(0, 200)}`, {
      exitCode: 70,
      cause: error,
    });
  }
}

/** The argv (after `docker`) of a build, buildx or classic. Pure, exported for tests. */
export function buildArgv(request: BuildRequest, via: 'buildx' | 'docker-build'): string[] {
  const argv = via === 'buildx' ? ['buildx', 'build'] : ['build'];
  if (via === 'buildx' && request.builder !== undefined) argv.push('--builder', request.builder);
  if (request.dockerfile !== undefined) argv.push('--file', request.dockerfile);
  if (request.target !== undefined) argv.push('--target', request.target);
  for (const tag of request.tags) argv.push('--tag', tag);
  for (const [key, value] of Object.entries(request.labels)) argv.push('--label', `${key}=${value}`);
  for (const [key, value] of Object.entries(request.buildArgs)) argv.push('--build-arg', `${key}=${value}`);
  for (const secret of request.secrets) {
    const parts = [`id=${secret.id}`];
    if (secret.src !== undefined) parts.push(`src=${secret.src}`);
    if (secret.env !== undefined) parts.push(`env=${secret.env}`);
    argv.push('--secret', parts.join(','));
  }
  if (request.platform !== undefined) argv.push('--platform', request.platform);
  for (const from of request.cacheFrom) argv.push('--cache-from', from);
  if (via === 'buildx') for (const to of request.cacheTo) argv.push('--cache-to', to);
  if (request.network !== undefined) argv.push('--network', request.network);
  if (request.progress !== 'quiet') argv.push('--progress', request.progress);
  else argv.push('--quiet');
  argv.push('--iidfile', request.iidFile);
  if (via === 'buildx' && request.metadataFile !== undefined) argv.push('--metadata-file', request.metadataFile);
  if (via === 'buildx') argv.push(request.output === 'push' ? '--push' : '--load');
  argv.push(request.context);
  return argv;
}

/** What the docker CLI prints when its connection to the engine is gone (or never was). */
const ENGINE_LOST =
  /Cannot connect to the Docker daemon|Is the docker daemon running|error during connect|connection refused|connection reset by peer|broken pipe|unexpected EOF|transport is closing|use of closed network connection|rpc error: code = Unavailable|\bUnavailable: |error reading from server|failed to dial|docker\.sock: connect/i;

/** Exported for tests. */
export function engineLost(output: string): boolean {
  return ENGINE_LOST.test(output);
}

/** The line that says the connection was lost, without docker's `docker:`/`ERROR:` prefixes. */
function lostLine(output: string): string | undefined {
  const line = output.split('\n').find((l) => ENGINE_LOST.test(l));
  return line?.trim().replace(/^(docker: |ERROR: )/, '').slice(0, 300);
}

/** `docker image inspect`, `docker run`: the subcommand words before the first flag (at most two). */
function commandName(args: readonly string[]): string {
  const words: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('-') || words.length === 2) break;
    words.push(arg);
  }
  return ['docker', ...words].join(' ');
}

export class DockerCli implements ContainerEngine {
  readonly #exec: ExecFn;
  readonly #env: Readonly<Record<string, string | undefined>>;
  readonly #docker: string;
  readonly #cwd: string | undefined;
  #info: Promise<EngineInfo> | undefined;

  constructor(options: DockerCliOptions) {
    this.#exec = options.exec;
    this.#env = options.env;
    this.#docker = options.dockerPath ?? 'docker';
    this.#cwd = options.cwd;
  }

  /** Runs `docker ARGS`; a failure that is the engine going away (or the CLI killed) throws EngineUnavailableError. */
  async #run(args: readonly string[], extra: Partial<ExecRequest> = {}): Promise<ExecResult> {
    return this.#checked(await this.#raw(args, extra), commandName(args));
  }

  #raw(args: readonly string[], extra: Partial<ExecRequest> = {}): Promise<ExecResult> {
    return this.#exec({
      cmd: this.#docker,
      args,
      env: this.#env,
      ...(this.#cwd === undefined ? {} : { cwd: this.#cwd }),
      ...extra,
    });
  }

  /**
   * A command that failed because the engine stopped answering mid-way (dockerd stopped, the
   * socket went away) or because the docker CLI itself was killed is not the command's own
   * failure: it becomes one EngineUnavailableError (exit 3). Output that looks like a lost
   * connection is confirmed with `docker version` before it is called that.
   */
  async #checked(result: ExecResult, what: string): Promise<ExecResult> {
    if (result.code === 0 || result.timedOut || result.notFound) return result;
    if (result.signal !== undefined && result.signal !== 'SIGINT') {
      throw new EngineUnavailableError(`the docker CLI was killed by ${result.signal} while running \`${what}\`: it did not finish`, {
        hint: 'Nothing was tagged by the unfinished command. Run pycrane again; if something kills docker (out of memory?), see `dmesg`.',
      });
    }
    if (!engineLost(`${result.stderr}\n${result.stdout}`)) return result;
    const probe = await this.#raw(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 10_000 });
    if (probe.code === 0 && probe.stdout.trim() !== '') return result;
    const host = this.#env.DOCKER_HOST ? ` at DOCKER_HOST=${this.#env.DOCKER_HOST}` : '';
    const detail = lostLine(result.stderr) ?? errorLine(probe.stderr);
    throw new EngineUnavailableError(`the Docker engine${host} stopped answering during \`${what}\`${detail ? `: ${detail}` : ''}`, {
      hint: `What the command did not finish was not tagged or started. ${START_ENGINE_HINT}`,
    });
  }

  async #ok(args: readonly string[], what: string, extra: Partial<ExecRequest> = {}): Promise<ExecResult> {
    const result = await this.#run(args, extra);
    if (result.code !== 0) {
      const detail = (result.stderr || result.stdout || result.spawnError || '').trim().split('\n').slice(-3).join(' | ');
      throw new PycraneError('E_ENGINE', `${what} failed (exit ${result.code}): ${detail}`, { exitCode: 70 });
    }
    return result;
  }

  info(): Promise<EngineInfo> {
    this.#info ??= this.#detect();
    return this.#info;
  }

  async #detect(): Promise<EngineInfo> {
    const version = await this.#raw(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 20_000 });
    const serverVersion = version.stdout.trim();
    if (version.notFound) {
      throw new EngineUnavailableError(`the docker CLI (${this.#docker}) is not installed or not on PATH`, {
        hint: `Install Docker (Docker Desktop or Docker Engine with the buildx plugin). ${START_ENGINE_HINT}`,
      });
    }
    if (version.code !== 0 || serverVersion === '') {
      const detail = (version.stderr || version.spawnError || '').trim().split('\n')[0] ?? '';
      const host = this.#env.DOCKER_HOST ? ` at DOCKER_HOST=${this.#env.DOCKER_HOST}` : '';
      throw new EngineUnavailableError(
        `no Docker engine answers${host}${version.timedOut ? ' (docker version timed out)' : ''}${detail ? `: ${detail}` : ''}`,
        { hint: START_ENGINE_HINT },
      );
    }
    const [buildx, compose, variant] = await Promise.all([this.#detectBuildx(), this.#detectCompose(), this.#detectVariant()]);
    return { serverVersion, buildx, compose, variant };
  }

  async #detectVariant(): Promise<'docker' | 'podman'> {
    const result = await this.#raw(['-v'], { timeoutMs: 20_000 });
    return /podman/i.test(result.stdout) ? 'podman' : 'docker';
  }

  async #detectBuildx(): Promise<string | undefined> {
    const result = await this.#raw(['buildx', 'version'], { timeoutMs: 20_000 });
    return result.code === 0 && result.stdout.trim() !== '' ? result.stdout.trim() : undefined;
  }

  async #detectCompose(): Promise<ComposeCommand | undefined> {
    const v2 = await this.#raw(['compose', 'version', '--short'], { timeoutMs: 20_000 });
    if (v2.code === 0 && v2.stdout.trim() !== '') return { version: v2.stdout.trim(), cmd: this.#docker, args: ['compose'] };
    const v1 = await this.#exec({ cmd: 'docker-compose', args: ['version', '--short'], env: this.#env, timeoutMs: 20_000 });
    if (v1.code === 0 && v1.stdout.trim() !== '') return { version: v1.stdout.trim(), cmd: 'docker-compose', args: [] };
    return undefined;
  }

  async build(request: BuildRequest, sink: BuildSink): Promise<BuildOutcome> {
    const info = await this.info();
    const via = info.buildx === undefined ? 'docker-build' : 'buildx';
    const argv = buildArgv(request, via);
    const env = via === 'buildx' ? this.#env : { ...this.#env, DOCKER_BUILDKIT: '1' };
    const output: ExecRequest['output'] = sink === 'terminal' ? 'inherit-stderr' : (_stream, chunk) => sink(chunk);
    const result = await this.#checked(await this.#exec({ cmd: this.#docker, args: argv, env, cwd: request.context, output }), `docker ${argv.slice(0, via === 'buildx' ? 2 : 1).join(' ')}`);
    return { via, argv, result };
  }

  async inspectImage(ref: string): Promise<ImageDetails | undefined> {
    const [image] = await this.inspectImages([ref]);
    return image;
  }

  async inspectImages(refs: readonly string[]): Promise<ImageDetails[]> {
    if (refs.length === 0) return [];
    const result = await this.#run(['image', 'inspect', ...refs]);
    // docker prints the images it found, and exits 1 when any is missing.
    const text = result.stdout.trim();
    if (text === '' || text === '[]') {
      if (result.code !== 0 && !/no such image/i.test(result.stderr)) {
        await this.info(); // an engine-less machine gets EngineUnavailableError, not "image not found"
        throw new PycraneError('E_ENGINE', `docker image inspect failed: ${result.stderr.trim()}`, { exitCode: 70 });
      }
      return [];
    }
    const parsed = z.array(imageSchema).safeParse(parseJson('docker image inspect', text));
    if (!parsed.success) {
      throw new PycraneError('E_ENGINE_OUTPUT', `unexpected docker image inspect output: ${parsed.error.message}`, { exitCode: 70 });
    }
    return parsed.data.map(toImage);
  }

  async listImageIds(): Promise<string[]> {
    const result = await this.#ok(['image', 'ls', '--quiet', '--no-trunc'], 'docker image ls');
    return [...new Set(result.stdout.split('\n').map((line) => line.trim()).filter(Boolean))];
  }

  async history(ref: string): Promise<HistoryEntry[]> {
    const result = await this.#ok(['history', '--no-trunc', '--human=false', '--format', '{{json .}}', ref], 'docker history');
    const rows: HistoryEntry[] = [];
    for (const line of result.stdout.split('\n')) {
      if (line.trim() === '') continue;
      const parsed = historySchema.safeParse(parseJson('docker history', line));
      if (!parsed.success) continue;
      const size = typeof parsed.data.Size === 'number' ? parsed.data.Size : Number.parseInt(parsed.data.Size, 10);
      rows.push({
        id: parsed.data.ID,
        createdBy: parsed.data.CreatedBy,
        size: Number.isFinite(size) ? size : 0,
        comment: parsed.data.Comment ?? '',
      });
    }
    return rows;
  }

  run(request: RunRequest): Promise<ExecResult> {
    return this.#run(runArgv(request), request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs });
  }

  async containerState(id: string): Promise<ContainerState | undefined> {
    const result = await this.#run(['container', 'inspect', id]);
    if (result.code !== 0) return undefined;
    const parsed = z.array(stateSchema).safeParse(parseJson('docker container inspect', result.stdout));
    const state = parsed.success ? parsed.data[0]?.State : undefined;
    if (!state) return undefined;
    return {
      status: state.Status,
      running: state.Running,
      exitCode: state.ExitCode,
      startedAt: state.StartedAt,
      finishedAt: state.FinishedAt,
      ...(state.Health
        ? {
            health: {
              status: state.Health.Status,
              failingStreak: state.Health.FailingStreak ?? 0,
              log: (state.Health.Log ?? []).map((entry) => ({ exitCode: entry.ExitCode, output: entry.Output ?? '', start: entry.Start ?? '', end: entry.End ?? '' })),
            },
          }
        : {}),
    };
  }

  stop(id: string, timeoutSeconds: number): Promise<ExecResult> {
    return this.#run(['stop', '--time', String(timeoutSeconds), id], { timeoutMs: (timeoutSeconds + 30) * 1000 });
  }

  async logs(id: string): Promise<string> {
    const result = await this.#run(['logs', '--tail', '50', id]);
    return `${result.stdout}${result.stderr}`;
  }

  async removeContainer(id: string): Promise<void> {
    await this.#run(['rm', '--force', '--volumes', id]);
  }

  push(ref: string): Promise<ExecResult> {
    return this.#run(['push', ref]);
  }

  pull(ref: string): Promise<ExecResult> {
    return this.#run(['pull', ref]);
  }

  async inspectRemote(ref: string, builder?: string): Promise<RemoteLookup> {
    const args = ['buildx', 'imagetools', 'inspect', ...(builder === undefined ? [] : ['--builder', builder]), '--format', '{{json .}}', ref];
    const result = await this.#run(args, { timeoutMs: 60_000 });
    if (result.code === 0) {
      const image = parseRemoteImage(result.stdout);
      if (image) return { status: 'found', image };
      return { status: 'error', kind: 'other', message: `unexpected output of docker buildx imagetools inspect: ${result.stdout.trim().slice(0, 120)}` };
    }
    const message = errorLine(result.stderr || result.spawnError || '') || `exit ${result.code}`;
    const kind = result.timedOut ? 'unreachable' : classifyRegistryError(message);
    return kind === 'not-found' ? { status: 'missing' } : { status: 'error', kind, message };
  }

  async builderInfo(builder?: string): Promise<BuilderInfo | undefined> {
    const result = await this.#run(['buildx', 'inspect', ...(builder === undefined ? [] : [builder])], { timeoutMs: 30_000 });
    return result.code === 0 ? parseBuilderInspect(result.stdout) : undefined;
  }

  async compose(args: readonly string[], cwd?: string, options: ComposeOptions = {}): Promise<ExecResult> {
    const info = await this.info();
    if (!info.compose) {
      throw new PycraneError('E_NO_COMPOSE', 'neither `docker compose` (v2) nor `docker-compose` (v1) is installed', {
        exitCode: 3,
        hint: 'Install the Docker Compose v2 plugin (docker-compose-plugin / Docker Desktop).',
      });
    }
    const result = await this.#exec({
      cmd: info.compose.cmd,
      args: [...info.compose.args, ...args],
      env: { ...this.#env, ...options.env },
      ...(cwd ?? this.#cwd ? { cwd: cwd ?? this.#cwd } : {}),
      ...(options.output ? { output: options.output } : {}),
    });
    // A subcommand after the compose file options (`--file X --project-directory Y up ...`).
    const sub = args.find((a, i) => !a.startsWith('-') && !(i > 0 && /^--(file|project-directory|project-name|profile|env-file)$/.test(args[i - 1] ?? ''))) ?? '';
    return this.#checked(result, `docker compose ${sub}`.trim());
  }
}

/** The argv (after `docker`) of `docker run`. Pure, exported for tests. */
export function runArgv(request: RunRequest): string[] {
  const argv = ['run'];
  if (request.detach) argv.push('--detach');
  else if (request.remove !== false) argv.push('--rm');
  if (request.name !== undefined) argv.push('--name', request.name);
  if (request.init) argv.push('--init');
  if (request.healthIntervalSeconds !== undefined) argv.push('--health-interval', `${request.healthIntervalSeconds}s`);
  if (request.user !== undefined) argv.push('--user', request.user);
  if (request.network !== undefined) argv.push('--network', request.network);
  for (const [key, value] of Object.entries(request.labels ?? {})) argv.push('--label', `${key}=${value}`);
  for (const [key, value] of Object.entries(request.env ?? {})) argv.push('--env', `${key}=${value}`);
  if (request.entrypoint !== undefined) argv.push('--entrypoint', request.entrypoint);
  argv.push(request.image, ...request.args);
  return argv;
}
