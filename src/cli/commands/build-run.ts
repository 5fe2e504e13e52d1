import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { ExitCode, UserError } from '../../core/errors.js';
import { buildProject, type BuildOptions, type BuildResult } from '../../engine/build.js';
import { DockerCli } from '../../engine/docker-cli.js';
import { nodeExec } from '../../engine/exec.js';
import { parseBuildConfig } from '../../engine/pure/config.js';
import type { AutoTag } from '../../engine/pure/tags.js';
import { formatSize } from '../../engine/pure/size.js';
import { inspectProject, type ProjectFacts } from '../../inspect/index.js';
import { nodeReader } from '../../io/fs.js';
import type { CliContext } from '../context.js';
import type { BuildCliOptions } from './build.js';

export interface LoadedProject {
  readonly root: string;
  readonly facts: ProjectFacts;
  readonly dockerfilePath: string;
  /** '' when the Dockerfile is optional and absent. */
  readonly dockerfileText: string;
}

/** Reads the project's facts and its Dockerfile; a missing Dockerfile is a usage error. */
export async function loadProject(
  ctx: CliContext,
  dir: string | undefined,
  file: string | undefined,
  staleLock: 'error' | 'warn',
  dockerfile: 'required' | 'optional' = 'required',
): Promise<LoadedProject> {
  const root = path.resolve(ctx.cwd, dir ?? '.');
  const facts = await inspectProject(nodeReader(root), { root: dir ?? '.', staleLock });
  for (const issue of facts.issues) if (issue.severity !== 'info') ctx.stderr.write(`pycrane: warning: ${issue.message}\n`);
  const configured = parseBuildConfig(facts.config.build).config.dockerfile;
  const dockerfilePath = path.resolve(root, file ?? configured ?? 'Dockerfile');
  const dockerfileText = await readFile(dockerfilePath, 'utf8').catch(() => undefined);
  if (dockerfileText === undefined) {
    if (dockerfile === 'optional') return { root, facts, dockerfilePath, dockerfileText: '' };
    throw new UserError('E_NO_DOCKERFILE', `no Dockerfile at ${path.relative(ctx.cwd, dockerfilePath) || dockerfilePath}`, {
      hint: 'Write one with `pycrane init`, or pass --file PATH.',
    });
  }
  return { root, facts, dockerfilePath, dockerfileText };
}

export function dockerEngine(ctx: CliContext): DockerCli {
  return new DockerCli({ exec: nodeExec, env: ctx.env, ...(ctx.env.PYCRANE_DOCKER ? { dockerPath: ctx.env.PYCRANE_DOCKER } : {}) });
}

const PROGRESS = ['auto', 'plain', 'tty', 'quiet'] as const;

export function buildOptionsFrom(ctx: CliContext, options: Partial<BuildCliOptions>): { options: BuildOptions; terminal: boolean } {
  if (options.push && options.load) throw new UserError('E_USAGE', '--push and --load exclude each other');
  if (!options.push && (options.allowDirty || options.force)) throw new UserError('E_USAGE', `${options.allowDirty ? '--allow-dirty' : '--force'} only applies with --push`);
  const requested = options.progress;
  if (requested !== undefined && !(PROGRESS as readonly string[]).includes(requested)) {
    throw new UserError('E_USAGE', `--progress must be one of ${PROGRESS.join(', ')}, got "${requested}"`);
  }
  const onTerminal = Boolean(ctx.stderr.isTTY) && !ctx.env.CI;
  const progress = (requested as BuildOptions['progress'] | undefined) ?? (onTerminal ? 'tty' : 'plain');
  const terminal = onTerminal && (progress === 'tty' || progress === 'auto');
  return {
    terminal,
    options: {
      ...(options.target === undefined ? {} : { target: options.target }),
      tags: options.tag ?? [],
      ...(options.repository === undefined ? {} : { repository: options.repository }),
      latest: Boolean(options.latest),
      ...(options.tags === undefined ? {} : { autoTags: parseAutoTags(options.tags) }),
      output: options.push ? 'push' : 'load',
      ...(options.platform === undefined ? {} : { platform: options.platform }),
      cacheFrom: options.cacheFrom ?? [],
      cacheTo: options.cacheTo ?? [],
      ...(options.network === undefined ? {} : { network: options.network }),
      buildArgs: options.buildArg ?? [],
      secrets: options.secret ?? [],
      labels: options.label ?? [],
      progress,
      ...(options.builder === undefined ? {} : { builder: options.builder }),
      allowDirty: Boolean(options.allowDirty),
      force: Boolean(options.force),
    },
  };
}

/** Builds and returns the result; BuildKit's output goes to stderr (live on a terminal). */
export async function runBuild(ctx: CliContext, dir: string | undefined, cli: Partial<BuildCliOptions>): Promise<BuildResult> {
  const project = await loadProject(ctx, dir, cli.file, 'error');
  const { options, terminal } = buildOptionsFrom(ctx, cli);
  return buildProject(
    {
      engine: dockerEngine(ctx),
      exec: nodeExec,
      env: ctx.env,
      sink: terminal ? 'terminal' : (chunk) => ctx.stderr.write(chunk),
      now: () => new Date(),
      warn: (message) => ctx.stderr.write(`pycrane: warning: ${message}\n`),
    },
    project.root,
    project.facts,
    project.dockerfileText,
    project.dockerfilePath,
    options,
  );
}

export async function run(ctx: CliContext, dir: string | undefined, cli: BuildCliOptions): Promise<number> {
  const result = await runBuild(ctx, dir, cli);
  if (cli.json) {
    ctx.stdout.write(
      `${JSON.stringify(
        {
          imageId: result.imageId,
          tags: result.tags,
          size: result.size ?? null,
          durationMs: result.durationMs,
          target: result.target ?? null,
          labels: result.labels,
          via: result.via,
          builder: result.builder ?? null,
          digest: result.digest ?? null,
          pushed: result.pushed,
          warnings: result.warnings,
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const id = result.imageId.replace(/^sha256:/, '').slice(0, 12);
    ctx.stdout.write(
      `built ${result.target ?? 'the last stage'} in ${(result.durationMs / 1000).toFixed(1)} s: ${id}${result.size === undefined ? '' : `, ${formatSize(result.size)}`}\n` +
        (result.digest === undefined ? result.tags.map((tag) => `  ${tag}\n`).join('') : ''),
    );
    if (result.digest !== undefined) {
      const first = result.pushed[0]?.tag ?? '';
      const pinned = `${first.slice(0, first.lastIndexOf(':') > first.lastIndexOf('/') ? first.lastIndexOf(':') : first.length)}@${result.digest}`;
      ctx.stdout.write(
        `pushed ${result.pushed.length} tag${result.pushed.length === 1 ? '' : 's'}, digest ${result.digest}\n` +
          result.pushed.map((p) => `  ${p.tag}  ${p.digest}\n`).join('') +
          `verify it: pycrane verify ${pinned}\n`,
      );
    }
  }
  return ExitCode.ok;
}

const AUTO_TAGS: readonly AutoTag[] = ['version', 'version-python', 'minor', 'major', 'sha'];

/** `--tags sha,version` -> the automatic tag kinds, each checked. */
function parseAutoTags(text: string): AutoTag[] {
  const kinds = text.split(',').map((k) => k.trim()).filter(Boolean);
  const bad = kinds.find((k) => !(AUTO_TAGS as readonly string[]).includes(k));
  if (bad !== undefined || kinds.length === 0) {
    throw new UserError('E_USAGE', `--tags takes a comma-separated list of ${AUTO_TAGS.join(', ')}; got "${text}"`);
  }
  return kinds as AutoTag[];
}
