import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode, PycraneError, UserError } from '../../core/errors.js';
import type { ProjectFacts } from '../../inspect/model.js';
import { nodeReader } from '../../io/fs.js';
import { atOrAbove, parseCheckConfig, withOverrides } from '../../lint/config.js';
import { stripJsonc } from '../../lint/files.js';
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
  const file = async (rel: string): Promise<TextFile | undefined> => {
    const text = await reader.read(rel).catch((error: unknown) => {
      throw new UserError('E_UNREADABLE', `cannot read ${path.join(dirArg, rel)}: ${String((error as Error).message)}`);
    });
    return text === undefined ? undefined : { path: rel, text };
  };
  const first = async (names: readonly string[]) => {
    for (const n of names) {
      const f = await file(n);
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

/** Paths (relative to the project root, inside it) of the compose files and Dockerfile a devcontainer.json names. */
function devcontainerReferences(devcontainer: TextFile): { compose: string[]; dockerfile: string[] } {
  let config: unknown;
  try {
    config = JSON.parse(stripJsonc(devcontainer.text));
  } catch {
    return { compose: [], dockerfile: [] }; // PC806 reports it
  }
  if (typeof config !== 'object' || config === null) return { compose: [], dockerfile: [] };
  const cfg = config as Record<string, unknown>;
  const base = path.posix.dirname(devcontainer.path);
  const inside = (p: unknown): p is string => typeof p === 'string' && !p.includes('$');
  const resolve = (p: string) => path.posix.normalize(path.posix.join(base, p));
  const within = (p: string) => !p.startsWith('../') && p !== '..';
  const composeList = Array.isArray(cfg.dockerComposeFile) ? cfg.dockerComposeFile : [cfg.dockerComposeFile];
  const build = typeof cfg.build === 'object' && cfg.build !== null ? (cfg.build as Record<string, unknown>) : {};
  return {
    compose: composeList.filter(inside).map(resolve).filter(within),
    dockerfile: [build.dockerfile, cfg.dockerFile].filter(inside).map(resolve).filter(within),
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
    throw error;
  }
}

export async function run(ctx: CliContext, paths: readonly string[], options: { format: string; failOn?: string; project: boolean }): Promise<number> {
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
    const input: LintInput = { ...job.input, ...project };
    for (const f of [input.dockerfile, input.compose, input.devcontainer, input.dockerignore]) if (f) sources.set(f.path, f.text);
    diagnostics.push(...lint(input, config).diagnostics);
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
