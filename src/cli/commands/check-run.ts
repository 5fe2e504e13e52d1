import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode, PycraneError, UserError } from '../../core/errors.js';
import type { SourceRef } from '../../core/location.js';
import type { ProjectFacts } from '../../inspect/model.js';
import { nodeReader } from '../../io/fs.js';
import { atOrAbove, parseCheckConfig, withOverrides } from '../../lint/config.js';
import { parseJsoncFile, type PathSegment, type TreeFile } from '../../lint/files.js';
import { lint } from '../../lint/engine.js';
import { formatGithub } from '../../lint/reporters/github.js';
import { formatJson } from '../../lint/reporters/json.js';
import { formatSarif } from '../../lint/reporters/sarif.js';
import { formatStylish } from '../../lint/reporters/stylish.js';
import { allRules } from '../../lint/rules/index.js';
import type { Diagnostic, LintInput, Severity, TextFile } from '../../lint/types.js';
import type { CliContext } from '../context.js';
import { COMPOSE_NAMES } from '../project-files.js';
import { VERSION } from '../version.js';

const DEVCONTAINER_NAMES = ['.devcontainer/devcontainer.json', '.devcontainer.json'] as const;

type Kind = 'dockerfile' | 'compose' | 'devcontainer' | 'dockerignore';

export function kindOf(file: string): Kind | undefined {
  const base = path.basename(file);
  if (/^(Dockerfile|Containerfile)(\..+)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base)) return 'dockerfile';
  if (/^(docker-)?compose(\..+)?\.ya?ml$/i.test(base) || /\.compose\.ya?ml$/i.test(base)) return 'compose';
  if (base === 'devcontainer.json' || base === '.devcontainer.json') return 'devcontainer';
  if (base === '.dockerignore' || base.endsWith('.dockerignore')) return 'dockerignore';
  return undefined;
}

async function readText(abs: string, shown: string): Promise<string> {
  try {
    return await readFile(abs, 'utf8');
  } catch (error) {
    throw new UserError('E_UNREADABLE', `cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

interface Job {
  readonly input: Omit<LintInput, 'facts' | 'projectError'>;
  /** Folder of the Python project, for inspect. */
  readonly projectDir: string;
}

async function projectJob(ctx: CliContext, dirArg: string): Promise<Job> {
  const root = path.resolve(ctx.cwd, dirArg);
  const reader = nodeReader(root);
  /** `origin`: where the path was named (a devcontainer.json key), for the error's file:line. */
  const file = async (rel: string, origin?: SourceRef): Promise<TextFile | undefined> => {
    const text = await reader.read(rel).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'EISDIR' ? 'it is a folder, not a file' : code === 'ENAMETOOLONG' ? 'the name is too long' : String((error as Error).message);
      throw new UserError('E_UNREADABLE', `cannot read ${path.join(dirArg, rel)}: ${why}`, origin ? { source: origin } : {});
    });
    return text === undefined ? undefined : { path: rel, text };
  };
  const first = async (names: readonly (string | NamedFile)[]) => {
    for (const n of names) {
      const f = typeof n === 'string' ? await file(n) : await file(n.path, n.origin);
      if (f) return f;
    }
    return undefined;
  };
  const devcontainer = await first(DEVCONTAINER_NAMES);
  // A devcontainer.json may name its own compose file or Dockerfile (often in .devcontainer/):
  // check those when the project root has none, so the PC8xx rules see the service.
  const named = devcontainer ? devcontainerReferences(devcontainer) : { compose: [], dockerfile: [] };
  const dockerfile = await first(['Dockerfile', ...named.dockerfile]);
  const compose = await first([...COMPOSE_NAMES, ...named.compose]);
  // BuildKit prefers <Dockerfile>.dockerignore next to the Dockerfile over the context's .dockerignore.
  const dockerignore = dockerfile ? await first([`${dockerfile.path}.dockerignore`, '.dockerignore']) : undefined;
  if (!dockerfile && !compose && !devcontainer) {
    throw new UserError('E_NOTHING_TO_CHECK', `no Dockerfile, compose file or devcontainer.json in ${dirArg}`, {
      hint: 'pass the project folder, or the files to check; `pycrane init` writes a setup',
    });
  }
  return {
    projectDir: root,
    input: {
      ...(dockerfile ? { dockerfile } : {}),
      ...(compose ? { compose } : {}),
      ...(devcontainer ? { devcontainer } : {}),
      ...(dockerfile ? { dockerignore: dockerignore ?? null } : {}),
    },
  };
}

/** A file named inside another one, with where it is named. */
interface NamedFile {
  readonly path: string;
  readonly origin: SourceRef;
}

/** Paths (relative to the project root, inside it) of the compose files and Dockerfile a devcontainer.json names. */
function devcontainerReferences(devcontainer: TextFile): { compose: NamedFile[]; dockerfile: NamedFile[] } {
  let tree: TreeFile;
  try {
    tree = parseJsoncFile(devcontainer);
  } catch {
    return { compose: [], dockerfile: [] }; // check's own parse reports it (PC191)
  }
  const config = tree.value;
  if (typeof config !== 'object' || config === null) return { compose: [], dockerfile: [] }; // PC806 reports it
  const cfg = config as Record<string, unknown>;
  const base = path.posix.dirname(devcontainer.path);
  const within = (p: string) => !p.startsWith('../') && p !== '..';
  const named = (value: unknown, key: readonly PathSegment[]): NamedFile[] => {
    if (typeof value !== 'string' || value.includes('$')) return [];
    const p = path.posix.normalize(path.posix.join(base, value));
    if (!within(p)) return [];
    const line = (tree.rangeAt(key)?.start.line ?? 0) + 1;
    return [{ path: p, origin: { file: devcontainer.path, line } }];
  };
  const composeList = Array.isArray(cfg.dockerComposeFile) ? cfg.dockerComposeFile : [cfg.dockerComposeFile];
  const build = typeof cfg.build === 'object' && cfg.build !== null ? (cfg.build as Record<string, unknown>) : {};
  return {
    compose: composeList.flatMap((f, i) => named(f, Array.isArray(cfg.dockerComposeFile) ? ['dockerComposeFile', i] : ['dockerComposeFile'])),
    dockerfile: [...named(build.dockerfile, ['build', 'dockerfile']), ...named(cfg.dockerFile, ['dockerFile'])],
  };
}

async function filesJobs(ctx: CliContext, files: readonly string[]): Promise<Job[]> {
  const byKind: Record<Kind, TextFile[]> = { dockerfile: [], compose: [], devcontainer: [], dockerignore: [] };
  for (const f of files) {
    const kind = kindOf(f);
    if (!kind) {
      throw new UserError('E_USAGE', `don't know how to check ${f}`, {
        hint: 'pycrane check takes a folder, or files named Dockerfile*, *.dockerfile, compose*.yaml, devcontainer.json, .dockerignore',
      });
    }
    byKind[kind].push({ path: f, text: await readText(path.resolve(ctx.cwd, f), f) });
  }
  const others = {
    ...(byKind.compose[0] ? { compose: byKind.compose[0] } : {}),
    ...(byKind.devcontainer[0] ? { devcontainer: byKind.devcontainer[0] } : {}),
    ...(byKind.dockerignore[0] ? { dockerignore: byKind.dockerignore[0] } : {}),
  };
  const firstFile = files[0] as string;
  if (byKind.dockerfile.length === 0) return [{ projectDir: path.resolve(ctx.cwd, path.dirname(firstFile)), input: others }];
  return byKind.dockerfile.map((dockerfile, i) => ({
    projectDir: path.resolve(ctx.cwd, path.dirname(dockerfile.path)),
    input: i === 0 ? { ...others, dockerfile } : { dockerfile },
  }));
}

async function inspect(dir: string): Promise<{ facts?: ProjectFacts; projectError?: LintInput['projectError'] }> {
  const reader = nodeReader(dir);
  try {
    const { inspectProject } = await import('../../inspect/index.js');
    return { facts: await inspectProject(reader, { staleLock: 'warn', today: new Date() }) };
  } catch (error) {
    // No Python project here (a Dockerfile linted on its own): the rules that need facts stay quiet.
    if (error instanceof PycraneError && error.code === 'E_NO_PROJECT') return {};
    if (error instanceof PycraneError) {
      return { projectError: { message: error.message, file: error.source?.file ?? 'pyproject.toml', ...(error.source ? { line: error.source.line } : {}) } };
    }
    // A reader that stops on this project (a bug, or a limit such as the stack): the container files are
    // still checked, and PC190 says why the project-aware rules did not run.
    const what = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0] ?? ''}` : String(error);
    return { projectError: { message: `pycrane stopped reading it (${what.slice(0, 160)})`, file: 'pyproject.toml' } };
  }
}

/** `--engine`: the base images' configs as the engine has them; the ones it lacks are named on stderr. */
async function engineBaseImages(ctx: CliContext, dockerfile: TextFile): Promise<LintInput['baseImages']> {
  const [{ parseDockerfile }, { baseImageRefs }, { readBaseImages }, { dockerEngine }] = await Promise.all([
    import('../../dockerfile/parse.js'),
    import('../../lint/base-images.js'),
    import('../../engine/base-images.js'),
    import('./build-run.js'),
  ]);
  const { configs, missing } = await readBaseImages(dockerEngine(ctx), baseImageRefs(parseDockerfile(dockerfile.text)));
  if (missing.length > 0) ctx.stderr.write(`pycrane check --engine: the engine has no ${missing.join(', ')}; using pycrane's table for ${missing.length === 1 ? 'it' : 'them'} (docker pull to read the real config)\n`);
  return configs;
}

export async function run(ctx: CliContext, paths: readonly string[], options: { format: string; failOn?: string; project: boolean; engine?: boolean }): Promise<number> {
  const targets = paths.length === 0 ? ['.'] : paths;
  let jobs: Job[];
  if (targets.length === 1 && (await isDir(path.resolve(ctx.cwd, targets[0] as string)))) jobs = [await projectJob(ctx, targets[0] as string)];
  else {
    for (const t of targets) {
      if (await isDir(path.resolve(ctx.cwd, t))) throw new UserError('E_USAGE', `${t} is a folder: pass one folder, or files`);
    }
    jobs = await filesJobs(ctx, targets);
  }

  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  let failOn: Severity = 'warning';
  const factsCache = new Map<string, Awaited<ReturnType<typeof inspect>>>();
  for (const job of jobs) {
    let project: Awaited<ReturnType<typeof inspect>> = {};
    if (options.project) {
      project = factsCache.get(job.projectDir) ?? (await inspect(job.projectDir));
      factsCache.set(job.projectDir, project);
    }
    const config = withOverrides(parseCheckConfig(project.facts?.config.check, project.facts?.config.source), {
      failOn: options.failOn as Severity | undefined,
    });
    failOn = config.failOn;
    const baseImages = options.engine && job.input.dockerfile ? await engineBaseImages(ctx, job.input.dockerfile) : undefined;
    const input: LintInput = { ...job.input, ...project, ...(baseImages ? { baseImages } : {}) };
    for (const f of [input.dockerfile, input.compose, input.devcontainer, input.dockerignore]) if (f) sources.set(f.path, f.text);
    // One by one: a spread of 100,000 findings into push() overflows the stack.
    for (const d of lint(input, config).diagnostics) diagnostics.push(d);
  }

  switch (options.format) {
    case 'json':
      ctx.stdout.write(formatJson(diagnostics));
      break;
    case 'sarif':
      ctx.stdout.write(formatSarif(diagnostics, allRules, { version: VERSION }));
      break;
    case 'github':
      ctx.stdout.write(formatGithub(diagnostics));
      break;
    default:
      ctx.stdout.write(formatStylish(diagnostics, { sources, color: ctx.color, version: VERSION }));
  }
  return diagnostics.some((d) => atOrAbove(d.severity, failOn)) ? ExitCode.findings : ExitCode.ok;
}
