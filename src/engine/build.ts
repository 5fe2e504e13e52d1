/**
 * `pycrane build`: facts + options -> one `docker buildx build` with computed tags and OCI
 * labels. Decisions are in pure/ (tags, labels, config); this file runs them in order.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PycraneError, UserError } from '../core/errors.js';
import type { ProjectFacts } from '../inspect/model.js';
import type { BuildRequest, ContainerEngine, SecretSpec } from './engine.js';
import type { ExecFn } from './exec.js';
import { readGitState } from './git.js';
import { parseBuildConfig } from './pure/config.js';
import { baseImageOf, stageNames } from './pure/dockerfile-from.js';
import { createdTimestamp, ociLabels } from './pure/labels.js';
import { isValidRepository, planTags, repositoryFromName, type GitState } from './pure/tags.js';

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
  readonly warnings: readonly string[];
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
  const plan = planTags(
    { repository, auto: config.tags, latest: options.latest || config.latest, extra: config.extraTags, shaLength: config.shaLength },
    { version: facts.version?.value, python: facts.python.selected.value, git },
  );
  warnings.push(...plan.warnings);
  // Another target than the app gets its own tags (`1.4.2-dev`), so it never replaces the app image.
  const suffix = target !== undefined && target !== 'app' ? `-${target}` : '';
  const tags = plan.tags.map((ref) => (suffix ? `${ref}${suffix}` : ref)).filter((ref) => ref.slice(ref.lastIndexOf(':') + 1).length <= 128);
  for (const tag of options.tags) {
    const ref = tag.includes(':') || tag.includes('/') ? tag : `${repository}:${tag}`;
    if (!tags.includes(ref)) tags.push(ref);
  }

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
    ...(options.network ?? config.network ?? facts.config.buildNetwork ? { network: options.network ?? config.network ?? facts.config.buildNetwork } : {}),
    progress: options.progress,
    output: options.output,
    iidFile,
  };
  return { request, target, git, warnings };
}

export async function buildProject(deps: BuildDeps, dir: string, facts: ProjectFacts, dockerfileText: string, dockerfilePath: string, options: BuildOptions): Promise<BuildResult> {
  const info = await deps.engine.info();
  const tmp = await mkdtemp(path.join(tmpdir(), 'pycrane-build-'));
  try {
    const plan = await planBuild(deps, dir, facts, dockerfileText, dockerfilePath, options, path.join(tmp, 'iid'));
    for (const warning of plan.warnings) deps.warn(warning);
    if (info.buildx === undefined) {
      deps.warn('docker buildx is not installed: building with DOCKER_BUILDKIT=1 docker build');
      if (plan.request.cacheTo.length > 0) deps.warn('--cache-to needs buildx: ignored');
    }
    const started = Date.now();
    const outcome = await deps.engine.build(plan.request, deps.sink);
    if (outcome.result.code !== 0) {
      const tail = deps.sink === 'terminal' ? '' : `: ${outcome.result.stderr.trim().split('\n').slice(-3).join(' | ')}`;
      throw new PycraneError('E_BUILD', `docker ${outcome.argv.slice(0, 2).join(' ')} failed (exit ${outcome.result.code})${tail}`, { exitCode: 1 });
    }
    if (outcome.via === 'docker-build' && plan.request.output === 'push') {
      for (const tag of plan.request.tags) {
        const pushed = await deps.engine.push(tag);
        if (pushed.code !== 0) throw new PycraneError('E_PUSH', `docker push ${tag} failed: ${pushed.stderr.trim()}`, { exitCode: 1 });
      }
    }
    const durationMs = Date.now() - started;
    let imageId = (await readFile(plan.request.iidFile, 'utf8').catch(() => '')).trim();
    const local = plan.request.output === 'load' || outcome.via === 'docker-build' ? await deps.engine.inspectImage(imageId || (plan.request.tags[0] ?? '')) : undefined;
    if (!imageId && local) imageId = local.id;
    return {
      imageId,
      tags: plan.request.tags,
      size: local?.size,
      durationMs,
      target: plan.target,
      labels: plan.request.labels,
      via: outcome.via,
      warnings: plan.warnings,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
