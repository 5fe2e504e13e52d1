/**
 * The ContainerEngine: everything pycrane asks of Docker, as an interface. DockerCli
 * (docker-cli.ts) implements it over the docker CLI; tests implement it with a fake ExecFn.
 */
import type { ExecResult } from './exec.js';
import type { BuilderInfo } from './pure/build-errors.js';
import type { RemoteLookup } from './pure/registry.js';

export interface ComposeCommand {
  /** `2.26.1` */
  readonly version: string;
  /** `docker` for v2 (`docker compose`), `docker-compose` for v1. */
  readonly cmd: string;
  /** `['compose']` for v2, `[]` for v1. */
  readonly args: readonly string[];
}

export interface ComposeOptions {
  /** Variables added to the environment compose sees (interpolation such as `${DEV_UID}`). */
  readonly env?: Readonly<Record<string, string>>;
  /** `inherit` for interactive commands (`exec` into a shell); captured by default. */
  readonly output?: 'capture' | 'inherit';
}

export interface EngineInfo {
  /** The server's version, e.g. `20.10.24+dfsg1`. */
  readonly serverVersion: string;
  /** buildx's version line, e.g. `github.com/docker/buildx 0.13.1 ...`; undefined when missing. */
  readonly buildx: string | undefined;
  readonly compose: ComposeCommand | undefined;
  /** `podman` when the docker command is Podman's (`docker -v` says so), else `docker`. */
  readonly variant: 'docker' | 'podman';
}

export interface SecretSpec {
  readonly id: string;
  readonly src?: string;
  readonly env?: string;
}

export interface BuildRequest {
  /** The build context directory. */
  readonly context: string;
  /** Path of the Dockerfile; undefined for `<context>/Dockerfile`. */
  readonly dockerfile?: string;
  readonly target?: string;
  readonly tags: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly secrets: readonly SecretSpec[];
  readonly platform?: string;
  readonly cacheFrom: readonly string[];
  readonly cacheTo: readonly string[];
  readonly network?: string;
  /** BuildKit progress mode; `tty` needs a terminal on stderr. */
  readonly progress: 'auto' | 'plain' | 'tty' | 'quiet';
  /** `load` into the local image store (default) or `push` to the registry. */
  readonly output: 'load' | 'push';
  /** Where the image id is written (`--iidfile`). */
  readonly iidFile: string;
  /** buildx's `--metadata-file` (the pushed digest is read from it); buildx only. */
  readonly metadataFile?: string;
  /** `--builder NAME` (buildx); else buildx takes BUILDX_BUILDER from the environment, then the current one. */
  readonly builder?: string;
}

export interface BuildOutcome {
  /** How the build ran: `buildx` or the classic CLI with DOCKER_BUILDKIT=1. */
  readonly via: 'buildx' | 'docker-build';
  readonly argv: readonly string[];
  readonly result: ExecResult;
}

/** BuildKit's output goes here as it arrives, or straight to the terminal. */
export type BuildSink = 'terminal' | ((chunk: string) => void);

/** The fields of `docker image inspect` that pycrane reads. */
export interface ImageDetails {
  readonly id: string;
  readonly repoTags: readonly string[];
  /** `repo@sha256:...` for each repository the image was pushed to or pulled from. */
  readonly repoDigests?: readonly string[];
  readonly created: string;
  readonly size: number;
  readonly user: string;
  readonly env: readonly string[];
  readonly entrypoint: readonly string[] | undefined;
  readonly cmd: readonly string[] | undefined;
  readonly workingDir: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly stopSignal: string | undefined;
  readonly layers: readonly string[];
  /** The image's HEALTHCHECK (`Config.Healthcheck`); undefined when it has none. */
  readonly healthcheck?: ImageHealthcheck;
}

/** `Config.Healthcheck` of an image: durations in ms, 0 meaning docker's default. */
export interface ImageHealthcheck {
  /** `["CMD", ...]`, `["CMD-SHELL", "..."]`, or `["NONE"]` (switched off). */
  readonly test: readonly string[];
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly startPeriodMs: number;
  readonly retries: number;
}

/** One row of `docker history --no-trunc`, newest first as docker prints it. */
export interface HistoryEntry {
  readonly id: string;
  readonly createdBy: string;
  readonly size: number;
  readonly comment: string;
}

export interface RunRequest {
  readonly image: string;
  readonly args: readonly string[];
  /** `--entrypoint`; '' clears the image's entrypoint. */
  readonly entrypoint?: string;
  readonly user?: string;
  readonly network?: string;
  readonly name?: string;
  /** `-d`: start and return the container id. */
  readonly detach?: boolean;
  /** `--rm` (ignored with detach: remove it yourself). */
  readonly remove?: boolean;
  readonly init?: boolean;
  /** `--health-interval` in seconds: how often docker runs the image's HEALTHCHECK. */
  readonly healthIntervalSeconds?: number;
  readonly env?: Readonly<Record<string, string>>;
  readonly labels?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

export interface ContainerState {
  readonly status: string;
  readonly running: boolean;
  readonly exitCode: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** `State.Health`: only for a container whose image (or run) has a health check. */
  readonly health?: ContainerHealth;
}

export interface ContainerHealth {
  /** `starting`, `healthy` or `unhealthy`. */
  readonly status: string;
  readonly failingStreak: number;
  /** The last checks (docker keeps five), oldest first. */
  readonly log: readonly { readonly exitCode: number; readonly output: string; readonly start: string; readonly end: string }[];
}

export interface ContainerEngine {
  /** Server, buildx and compose versions (memoised); throws EngineUnavailableError when no server answers. */
  info(): Promise<EngineInfo>;
  build(request: BuildRequest, sink: BuildSink): Promise<BuildOutcome>;
  /** undefined when no such image exists locally. */
  inspectImage(ref: string): Promise<ImageDetails | undefined>;
  /** Several images in one call; missing ones are left out. */
  inspectImages(refs: readonly string[]): Promise<ImageDetails[]>;
  /** Ids of every local image (`docker image ls -q --no-trunc`), deduplicated. */
  listImageIds(): Promise<string[]>;
  history(ref: string): Promise<HistoryEntry[]>;
  run(request: RunRequest): Promise<ExecResult>;
  containerState(id: string): Promise<ContainerState | undefined>;
  /** `docker stop -t SECONDS`; resolves when the container has stopped. */
  stop(id: string, timeoutSeconds: number): Promise<ExecResult>;
  logs(id: string): Promise<string>;
  removeContainer(id: string): Promise<void>;
  push(ref: string): Promise<ExecResult>;
  pull(ref: string): Promise<ExecResult>;
  /** What the registry serves for a reference (`docker buildx imagetools inspect`), without pulling. */
  inspectRemote(ref: string, builder?: string): Promise<RemoteLookup>;
  /** The builder's name, driver and platforms (`docker buildx inspect`); undefined when it does not answer. */
  builderInfo(builder?: string): Promise<BuilderInfo | undefined>;
  /** Runs `docker compose ARGS` (or `docker-compose ARGS`). */
  compose(args: readonly string[], cwd?: string, options?: ComposeOptions): Promise<ExecResult>;
}
