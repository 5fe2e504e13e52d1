/**
 * `pycrane build`: facts + options -> one `docker buildx build` with computed tags and OCI
 * labels. Decisions are in pure/ (tags, labels, config); this file runs them in order.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { buildNetworkOf } from '../generate/plan.js';
import type { ProjectFacts } from '../inspect/model.js';
import type { BuildRequest, ContainerEngine, SecretSpec } from './engine.js';
import type { ExecFn } from './exec.js';
import { readGitState } from './git.js';
import { parseBuildConfig } from './pure/config.js';
import { baseImageOf, stageNames } from './pure/dockerfile-from.js';
import { createdTimestamp, ociLabels } from './pure/labels.js';
import { parseReference } from './pure/registry.js';
import { type AutoTag, isValidRepository, planTags, repositoryFromName, type GitState } from './pure/tags.js';
import { confirmPush, explainFailure, preflightPush, pushWithDocker } from './push.js';

export interface BuildOptions {
  /** Stage to build; `app` by default (`[tool.pycrane.build] target`). */
  readonly target?: string;
  /** Extra tags (bare tags go on the repository; `repo:tag` as given). */
  readonly tags: readonly string[];
  readonly repository?: string;
  readonly latest: boolean;
  readonly output: 'load' | 'push';
  readonly dockerfile?: string;
  readonly platform?: string;
  readonly cacheFrom: readonly string[];
  readonly cacheTo: readonly string[];
  readonly network?: string;
  readonly buildArgs: readonly string[];
  readonly secrets: readonly string[];
  readonly labels: readonly string[];
  readonly progress: 'auto' | 'plain' | 'tty' | 'quiet';
  /** buildx builder (`--builder`); unset: BUILDX_BUILDER, then buildx's current builder. */
  readonly builder?: string;
  /** `--push` of a dirty work tree: push only the `sha-<12>-dirty` tag instead of refusing. */
  readonly allowDirty?: boolean;
  /** `--push`: move release tags that already name an image of another commit. */
  readonly force?: boolean;
  /** `--tags`: which automatic tags this build gets, instead of `[tool.pycrane.build] tags`. */
  readonly autoTags?: readonly AutoTag[];
}

export interface BuildDeps {
  readonly engine: ContainerEngine;
  readonly exec: ExecFn;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Receives BuildKit's output, or `terminal` to let it draw on stderr. */
  readonly sink: 'terminal' | ((chunk: string) => void);
  readonly now: () => Date;
  readonly warn: (message: string) => void;
}

export interface BuildPlan {
  readonly request: BuildRequest;
  readonly target: string | undefined;
  readonly git: GitState;
  /** Release tags (version, version-python, sha of a clean tree): never moved to another commit without --force. */
  readonly immutable: readonly string[];
  readonly warnings: readonly string[];
}

export interface PushedTag {
  readonly tag: string;
  readonly digest: string;
}

export interface BuildResult {
  readonly imageId: string;
  readonly tags: readonly string[];
  /** Bytes, from `docker image inspect`; undefined after `--push` without a local copy. */
  readonly size: number | undefined;
  readonly durationMs: number;
  readonly target: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly via: 'buildx' | 'docker-build';
  readonly warnings: readonly string[];
  /** The pushed manifest's (or index's) digest, as the registry serves it; undefined without --push. */
  readonly digest: string | undefined;
  /** Every tag pushed, each with the digest its registry answers for it. */
  readonly pushed: readonly PushedTag[];
  /** `--builder` or BUILDX_BUILDER; undefined: buildx's current builder. */
  readonly builder: string | undefined;
}

/** `K=V` pairs from repeated flags; a bare `K` takes its value from the environment (as docker does). */
export function parsePairs(flag: string, values: readonly string[], env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq === 0) throw new UserError('E_USAGE', `${flag} ${value}: expected KEY=VALUE`);
    if (eq < 0) {
      const fromEnv = env[value];
      if (fromEnv === undefined) throw new UserError('E_USAGE', `${flag} ${value}: expected KEY=VALUE (and ${value} is not set in the environment)`);
      out[value] = fromEnv;
    } else {
      out[value.slice(0, eq)] = value.slice(eq + 1);
    }
  }
  return out;
}

/** `id=netrc,src=~/.netrc` / `id=token,env=GH_TOKEN` / `id=GH_TOKEN` (env of the same name). */
export function parseSecret(value: string): SecretSpec {
  const fields = new Map<string, string>();
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) fields.set('id', part);
    else fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const id = fields.get('id');
  if (!id) throw new UserError('E_USAGE', `--secret ${value}: missing id= (e.g. --secret id=netrc,src=$HOME/.netrc)`);
  for (const key of fields.keys()) {
    if (!['id', 'src', 'source', 'env', 'type'].includes(key)) throw new UserError('E_USAGE', `--secret ${value}: unknown field ${key}`);
  }
  const src = fields.get('src') ?? fields.get('source');
  const env = fields.get('env');
  return { id, ...(src === undefined ? {} : { src }), ...(env === undefined ? {} : { env }) };
}

/** Everything decided before docker runs. */
export async function planBuild(
  deps: Pick<BuildDeps, 'exec' | 'env' | 'now'>,
  dir: string,
  facts: ProjectFacts,
  dockerfileText: string,
  dockerfilePath: string,
  options: BuildOptions,
  iidFile: string,
): Promise<BuildPlan> {
  const { config, errors } = parseBuildConfig(facts.config.build);
  if (errors.length > 0) throw new UserError('E_CONFIG', errors.join('; '), facts.config.source ? { source: facts.config.source } : {});
  const warnings: string[] = [];
  const stages = stageNames(dockerfileText);
  const requested = options.target ?? config.target;
  let target: string | undefined = requested ?? 'app';
  if (!stages.includes(target.toLowerCase())) {
    if (requested !== undefined) {
      throw new UserError('E_TARGET', `${path.basename(dockerfilePath)} has no stage "${requested}"`, {
        hint: stages.length > 0 ? `Stages: ${stages.join(', ')}` : 'The Dockerfile has no named stages (FROM ... AS name).',
      });
    }
    warnings.push(`no "app" stage in ${path.basename(dockerfilePath)}: building its last stage`);
    target = undefined;
  }

  const git = await readGitState(deps.exec, dir, deps.env);
  const name = facts.name?.value;
  const repository = options.repository ?? config.repository ?? repositoryFromName(name ?? path.basename(dir)) ?? 'app';
  if (!isValidRepository(repository)) throw new UserError('E_USAGE', `"${repository}" is not a valid image repository name (lowercase, [a-z0-9._-] and /)`);
  const tagInput = { version: facts.version?.value, python: facts.python.selected.value, git };
  const auto = options.autoTags ?? config.tags;
  const plan = planTags({ repository, auto, latest: options.latest || config.latest, extra: config.extraTags, shaLength: config.shaLength }, tagInput);
  warnings.push(...plan.warnings);
  // Another target than the app gets its own tags (`1.4.2-dev`), so it never replaces the app image.
  const suffix = target !== undefined && target !== 'app' ? `-${target}` : '';
  const withSuffix = (refs: readonly string[]) => refs.map((ref) => (suffix ? `${ref}${suffix}` : ref)).filter((ref) => ref.slice(ref.lastIndexOf(':') + 1).length <= 128);
  let tags = withSuffix(plan.tags);
  for (const tag of options.tags) {
    const ref = tag.includes(':') || tag.includes('/') ? tag : `${repository}:${tag}`;
    if (!tags.includes(ref)) tags.push(ref);
  }
  const release = planTags({ repository, auto: auto.filter((t) => t === 'version' || t === 'version-python' || t === 'sha'), latest: false, extra: [], shaLength: config.shaLength }, tagInput);
  const immutable = git.dirty ? [] : withSuffix(release.tags.filter((ref) => !ref.endsWith(':local')));
  if (options.output === 'push') tags = pushableTags(tags, git, options, warnings);

  const labels = ociLabels({
    title: name,
    description: facts.description?.value,
    version: facts.version?.value,
    license: facts.license?.value,
    authors: facts.authors,
    git,
    source: config.source,
    created: createdTimestamp(deps.now(), deps.env.SOURCE_DATE_EPOCH),
    baseName: baseImageOf(dockerfileText, target),
    extra: { ...config.labels, ...parsePairs('--label', options.labels, deps.env) },
  });
  const network = options.network ?? config.network ?? buildNetworkOf(facts);
  const request: BuildRequest = {
    context: dir,
    dockerfile: dockerfilePath,
    ...(target === undefined ? {} : { target }),
    tags,
    labels,
    buildArgs: { ...config.buildArgs, ...parsePairs('--build-arg', options.buildArgs, deps.env) },
    secrets: options.secrets.map(parseSecret),
    ...(options.platform ?? config.platform ? { platform: options.platform ?? config.platform } : {}),
    cacheFrom: options.cacheFrom,
    cacheTo: options.cacheTo,
    ...(network === undefined ? {} : { network }),
    progress: options.progress,
    output: options.output,
    iidFile,
    ...(options.builder === undefined ? {} : { builder: options.builder }),
  };
  return { request, target, git, immutable, warnings };
}

/**
 * What `--push` may push (docs/build.md, "Push"): never uncommitted code under a release tag
 * (a dirty tree is refused, or with --allow-dirty only `sha-<12>-dirty` goes), and never a
 * name without a registry (it would go to docker.io/library/NAME).
 */
function pushableTags(tags: readonly string[], git: GitState, options: BuildOptions, warnings: string[]): string[] {
  let out = [...tags];
  if (git.dirty) {
    const dirty = out.filter((ref) => /:sha-[0-9a-f]+-dirty(?:-[^:]*)?$/.test(ref));
    if (!options.allowDirty) {
      throw new UserError('E_DIRTY', 'refusing to push: the work tree has uncommitted changes (`git status` shows them)', {
        hint: `Commit them first, or pass --allow-dirty to push only ${dirty[0] ?? 'the sha-<12>-dirty tag'}.`,
      });
    }
    const dropped = out.filter((ref) => !dirty.includes(ref));
    if (dropped.length > 0) warnings.push(`--allow-dirty: pushing only ${dirty.join(', ')}; not pushed: ${dropped.join(', ')}`);
    out = dirty;
  } else if (git.commit === undefined) {
    warnings.push('not a git work tree: pycrane cannot tell whether the pushed code is committed');
  }
  for (const ref of out) {
    if (!parseReference(ref).repository.includes('/')) {
      throw new UserError('E_USAGE', `--push: ${ref} names no registry (docker would push it to docker.io/library/${parseReference(ref).repository})`, {
        hint: 'Name the registry: --repository ghcr.io/OWNER/NAME, or [tool.pycrane.build] repository = "registry.example.com/team/name".',
      });
    }
  }
  return out;
}

export async function buildProject(deps: BuildDeps, dir: string, facts: ProjectFacts, dockerfileText: string, dockerfilePath: string, options: BuildOptions): Promise<BuildResult> {
  const info = await deps.engine.info();
  const tmp = await mkdtemp(path.join(tmpdir(), 'pycrane-build-'));
  try {
    const plan = await planBuild(deps, dir, facts, dockerfileText, dockerfilePath, options, path.join(tmp, 'iid'));
    const warnings = [...plan.warnings];
    for (const warning of plan.warnings) deps.warn(warning);
    const warn = (message: string) => {
      warnings.push(message);
      deps.warn(message);
    };
    const push = plan.request.output === 'push';
    const builder = options.builder ?? (deps.env.BUILDX_BUILDER || undefined);
    let request = plan.request;
    if (info.buildx === undefined) {
      warn('docker buildx is not installed: building with DOCKER_BUILDKIT=1 docker build');
      if (request.builder !== undefined) warn(`--builder ${request.builder} needs buildx: ignored`);
      // The classic builder writes inline cache metadata when asked by this build argument.
      const inline = request.cacheTo.some((to) => /(^|,)type=inline(,|$)/.test(to));
      if (inline) request = { ...request, buildArgs: { ...request.buildArgs, BUILDKIT_INLINE_CACHE: '1' } };
      if (request.cacheTo.some((to) => !/(^|,)type=inline(,|$)/.test(to))) warn('--cache-to other than type=inline needs buildx: ignored');
    } else if (push) {
      request = { ...request, metadataFile: path.join(tmp, 'metadata.json') };
    }
    const preflight = push && info.buildx !== undefined ? await preflightPush(deps.engine, request, plan, Boolean(options.force), warn) : undefined;

    const started = Date.now();
    const outcome = await deps.engine.build(request, deps.sink);
    if (outcome.result.code !== 0) {
      throw await explainFailure(deps.engine, request, outcome, preflight, builder);
    }
    let pushed: PushedTag[] = [];
    let digest: string | undefined;
    if (push && outcome.via === 'docker-build') {
      pushed = await pushWithDocker(deps.engine, request.tags);
      digest = pushed[0]?.digest;
    }
    let imageId = (await readFile(request.iidFile, 'utf8').catch(() => '')).trim();
    // buildx --push with a docker-container builder leaves no local image: only the id counts then.
    const lookup = imageId || (push && outcome.via === 'buildx' ? '' : (request.tags[0] ?? ''));
    const local = lookup ? await deps.engine.inspectImage(lookup) : undefined;
    if (!imageId && local) imageId = local.id;
    if (push && outcome.via === 'buildx') {
      const metadata = await readFile(request.metadataFile ?? '', 'utf8').catch(() => '');
      ({ pushed, digest } = await confirmPush(deps.engine, request, metadata, local, preflight, plan.git.commit, warn));
    }
    const durationMs = Date.now() - started;
    return {
      imageId,
      tags: request.tags,
      size: local?.size,
      durationMs,
      target: plan.target,
      labels: request.labels,
      via: outcome.via,
      warnings,
      digest,
      pushed,
      builder,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
