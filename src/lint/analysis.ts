import type { CopyNode, DockerfileModel, ExecNode, FromNode, RunNode, Stage } from '../dockerfile/model.js';
import { resolvePath } from '../dockerfile/parse.js';
import type { ShellCommand, Word } from '../dockerfile/shell.js';
import { DEPENDENCY_FILES, chainInstructions, hasOption, isLocalOrUrl, optionValue, pipInstallArgs, pipPackages, subcommand, uvPipInstallArgs } from './commands.js';

/** What a stage knows about Python: installs, virtualenvs, application code. Shared by rules. */

export type InstallTool = 'pip' | 'uv-pip' | 'pip-sync' | 'poetry' | 'uv' | 'pdm' | 'pipenv' | 'hatch' | 'pipx' | 'uv-tool';

export interface Install {
  readonly tool: InstallTool;
  readonly cmd: ShellCommand;
  /** Requirement arguments (packages, paths, URLs). */
  readonly packages: readonly Word[];
  readonly requirementFiles: readonly Word[];
  /** Installs the project itself (`.`, `poetry install` without --no-root, `uv sync` without --no-install-project). */
  readonly project: boolean;
  /** The project is installed in editable (develop) mode. */
  readonly editable: boolean;
  readonly noDeps: boolean;
  /** Installs the project's dependencies (not just a tool such as pipx or poetry). */
  readonly dependencies: boolean;
}

export const TOOL_PACKAGES = new Set(['pip', 'setuptools', 'wheel', 'pipx', 'poetry', 'uv', 'pdm', 'pipenv', 'hatch', 'pip-tools', 'virtualenv', 'poetry-plugin-export', 'poetry-plugin-bundle']);

/** `poetry==1.8.3` -> `poetry`; `Flask[async]>=2` -> `flask`. */
export function requirementName(req: string): string {
  return (/^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(req.replace(/^["']|["']$/g, ''))?.[0] ?? '').toLowerCase().replace(/[._]+/g, '-');
}

export const isProjectPath = (v: string) => /^(\.|\.\/|\.\[.*\]|\/app|\$\{?\w+\}?)\/?$/.test(v) || v === '.' ;

const installCache = new WeakMap<ShellCommand, Install | null>();

/** What a command installs, if it is an install (memoised per command). */
export function classifyInstall(cmd: ShellCommand): Install | undefined {
  const cached = installCache.get(cmd);
  if (cached !== undefined) return cached ?? undefined;
  const result = classifyUncached(cmd);
  installCache.set(cmd, result ?? null);
  return result;
}

/** Options of `pip-sync` that take a value (the rest of its arguments are requirement files). */
const PIP_SYNC_VALUE_OPTIONS = new Set(['--python-executable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host', '--pip-args', '--cert', '--client-cert']);

/** `pip-sync a.txt b.txt`, `uv pip sync a.txt`: installs exactly the listed (locked) files. */
function syncInstall(cmd: ShellCommand, tool: 'pip-sync' | 'uv-pip', args: readonly Word[]): Install {
  const files = tool === 'uv-pip' ? pipPackages(args) : args.filter((w, i) => !w.value.startsWith('-') && !PIP_SYNC_VALUE_OPTIONS.has(args[i - 1]?.value ?? ''));
  return { tool, cmd, packages: [], requirementFiles: files, project: false, editable: false, noDeps: false, dependencies: true };
}

function classifyUncached(cmd: ShellCommand): Install | undefined {
  if (cmd.name === 'pip-sync') return syncInstall(cmd, 'pip-sync', cmd.argv.slice(1));
  const uvSync = uvPipInstallArgs(cmd, 'sync');
  if (uvSync) return syncInstall(cmd, 'uv-pip', uvSync);
  const pipArgs = pipInstallArgs(cmd);
  const uvArgs = pipArgs ? undefined : uvPipInstallArgs(cmd);
  const args = pipArgs ?? uvArgs;
  if (args) {
    const packages = pipPackages(args);
    const reqs: Word[] = [];
    let editable = false;
    let editableProject = false;
    for (let i = 0; i < args.length; i++) {
      const v = (args[i] as Word).value;
      if (v === '-r' || v === '--requirement' || v === '--requirements') {
        const next = args[i + 1];
        if (next) reqs.push(next);
      } else if (v.startsWith('--requirement=')) reqs.push({ ...(args[i] as Word), value: v.slice(14) });
      else if (/^-r./.test(v)) reqs.push({ ...(args[i] as Word), value: v.slice(2) });
      if (v === '-e' || v === '--editable' || v.startsWith('--editable=')) {
        editable = true;
        const target = v.startsWith('--editable=') ? v.slice(11) : args[i + 1]?.value ?? '';
        if (!isLocalOrUrl(target) || target.startsWith('.') || target.startsWith('/')) editableProject = true;
      }
    }
    const project = editableProject || packages.some((p) => isProjectPath(p.value));
    const noDeps = args.some((w) => w.value === '--no-deps');
    const nonTool = packages.filter((p) => !TOOL_PACKAGES.has(requirementName(p.value)) || isLocalOrUrl(p.value));
    return {
      tool: pipArgs ? 'pip' : 'uv-pip',
      cmd,
      packages,
      requirementFiles: reqs,
      project,
      editable,
      noDeps,
      dependencies: reqs.length > 0 || (!noDeps && nonTool.length > 0) || editable,
    };
  }
  const sub = subcommand(cmd);
  const after = (s: string) => cmd.argv.slice(cmd.argv.findIndex((w) => w.value === s) + 1);
  switch (cmd.name) {
    case 'poetry':
      if (sub === 'install' || sub === 'sync') {
        const project = !hasOption(cmd, ['--no-root', '--only-root']) || hasOption(cmd, ['--only-root']);
        return { tool: 'poetry', cmd, packages: [], requirementFiles: [], project, editable: project, noDeps: hasOption(cmd, ['--only-root']), dependencies: !hasOption(cmd, ['--only-root']) };
      }
      return undefined;
    case 'uv':
      if (sub === 'sync') {
        const project = !hasOption(cmd, ['--no-install-project', '--only-group']);
        return { tool: 'uv', cmd, packages: [], requirementFiles: [], project, editable: project && !hasOption(cmd, ['--no-editable']), noDeps: hasOption(cmd, ['--no-deps']), dependencies: !hasOption(cmd, ['--no-deps']) };
      }
      if (sub === 'tool' && cmd.argv.some((w) => w.value === 'install')) {
        return { tool: 'uv-tool', cmd, packages: after('install').filter((w) => !w.value.startsWith('-')), requirementFiles: [], project: false, editable: false, noDeps: false, dependencies: false };
      }
      return undefined;
    case 'pdm':
      if (sub === 'install' || sub === 'sync') {
        const project = !hasOption(cmd, ['--no-self']);
        return { tool: 'pdm', cmd, packages: [], requirementFiles: [], project, editable: project && !hasOption(cmd, ['--no-editable']), noDeps: false, dependencies: true };
      }
      return undefined;
    case 'pipenv':
      if (sub === 'install' || sub === 'sync') {
        return { tool: 'pipenv', cmd, packages: after(sub).filter((w) => !w.value.startsWith('-')), requirementFiles: [], project: false, editable: hasOption(cmd, ['-e', '--editable']), noDeps: false, dependencies: true };
      }
      return undefined;
    case 'hatch':
      // Hatch's default environments install the project in dev mode (editable) with its dependencies.
      if (sub === 'env' && cmd.argv.some((w) => w.value === 'create')) {
        return { tool: 'hatch', cmd, packages: [], requirementFiles: [], project: true, editable: true, noDeps: false, dependencies: true };
      }
      return undefined;
    case 'pipx':
      if (sub === 'install') {
        const pk = after('install').filter((w, i, a) => !w.value.startsWith('-') && !['--python', '--index-url', '--pip-args', '--suffix'].includes(a[i - 1]?.value ?? ''));
        return { tool: 'pipx', cmd, packages: pk, requirementFiles: [], project: false, editable: false, noDeps: false, dependencies: false };
      }
      return undefined;
    default:
      return undefined;
  }
}

export function installsOf(node: RunNode): Install[] {
  const out: Install[] = [];
  for (const cmd of node.script.commands) {
    const i = classifyInstall(cmd);
    if (i) out.push(i);
  }
  return out;
}

/** The range from a command's program word to its last word. */
export function commandRange(cmd: ShellCommand, upTo?: Word): { start: Word['range']['start']; end: Word['range']['end'] } {
  const first = cmd.argv[0] ?? cmd.words[0];
  const last = upTo ?? cmd.argv[cmd.argv.length - 1] ?? first;
  return { start: (first as Word).range.start, end: (last as Word).range.end };
}

/** `pip install`, `poetry install`: the program and the subcommand words. */
export function headRange(cmd: ShellCommand): { start: Word['range']['start']; end: Word['range']['end'] } {
  const sub = cmd.argv.find((w, i) => i > 0 && ['install', 'sync', 'lock', 'update', 'run'].includes(w.value));
  return commandRange(cmd, sub);
}

const GROUP_WORDS = new Set(['pip', 'tool', 'env', 'python', 'self']);
const LEAF_WORDS = new Set(['install', 'sync', 'lock', 'update', 'upgrade', 'run', 'create', 'export', 'requirements', 'compile', 'wheel', 'download', 'add', 'venv', 'build']);

/** `uv pip install`, `hatch env create`, `pdm export`: the program and its subcommand words (options skipped). */
export function verbRange(cmd: ShellCommand): { start: Word['range']['start']; end: Word['range']['end'] } {
  let last: Word | undefined;
  for (const w of cmd.argv.slice(1)) {
    if (w.value.startsWith('-')) continue;
    if (GROUP_WORDS.has(w.value)) last = w;
    else {
      if (LEAF_WORDS.has(w.value)) last = w;
      break;
    }
  }
  return commandRange(cmd, last ?? cmd.argv[0]);
}

/** The same words as text: `uv pip install`, `python -m pip install`. */
export function verbText(cmd: ShellCommand): string {
  const end = verbRange(cmd).end;
  const upTo = cmd.argv.findIndex((w) => w.range.end.line === end.line && w.range.end.character === end.character);
  return cmd.argv.slice(0, upTo + 1).map((w, i) => (i === 0 ? cmd.name : w.value)).join(' ');
}

const VENVISH = /(^|\/)(\.?venv[^/]*|\.?virtualenvs?|site-packages)(\/|$)/;

export function isVenvPath(p: string): boolean {
  return VENVISH.test(p);
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && /^(1|true|yes|on)$/i.test(v);
}

/** Absolute virtualenv paths that exist at the end of a stage (created there, in its FROM chain, or copied in). */
const venvCache = new WeakMap<Stage, string[]>();

export function venvPaths(model: DockerfileModel, stage: Stage, seen: ReadonlySet<number> = new Set()): string[] {
  const top = seen.size === 0;
  if (top) {
    const cached = venvCache.get(stage);
    if (cached) return cached;
  }
  const out = new Set<string>();
  const guard = new Set([...seen, stage.index]);
  for (const node of chainInstructions(model, stage)) {
    if (node.kind === 'kv' && node.keyword === 'ENV') {
      for (const p of node.pairs) {
        if ((p.name === 'VIRTUAL_ENV' || p.name === 'UV_PROJECT_ENVIRONMENT') && p.resolved?.complete) out.add(resolvePath(node.workdir, p.resolved.value));
      }
    }
    if (node.kind === 'run') {
      for (const cmd of node.script.commands) {
        const env = (name: string) => cmd.assignments.find((a) => a.name === name)?.value ?? node.scope.get(name)?.value;
        const args = cmd.argv.map((w) => node.scope.expand(w.value).value);
        const m = args.indexOf('-m');
        if (/^python/.test(cmd.name) && m !== -1 && args[m + 1] === 'venv') {
          const dir = args.slice(m + 2).find((a) => !a.startsWith('-'));
          if (dir) out.add(resolvePath(node.workdir, dir));
        } else if (cmd.name === 'virtualenv' || (cmd.name === 'uv' && args[1] === 'venv')) {
          const dir = args.slice(cmd.name === 'uv' ? 2 : 1).find((a) => !a.startsWith('-'));
          out.add(resolvePath(node.workdir, dir ?? '.venv'));
        } else if (cmd.name === 'poetry' && subcommand(cmd) === 'install') {
          if (truthy(env('POETRY_VIRTUALENVS_IN_PROJECT'))) out.add(resolvePath(node.workdir, '.venv'));
        } else if (cmd.name === 'poetry' && args.includes('virtualenvs.in-project') && truthy(args[args.length - 1])) {
          out.add(resolvePath(node.workdir, '.venv'));
        } else if (cmd.name === 'pipenv' && ['install', 'sync'].includes(subcommand(cmd) ?? '') && !args.includes('--system')) {
          if (truthy(env('PIPENV_VENV_IN_PROJECT'))) out.add(resolvePath(node.workdir, '.venv'));
        } else if ((cmd.name === 'uv' && subcommand(cmd) === 'sync') || (cmd.name === 'pdm' && ['install', 'sync'].includes(subcommand(cmd) ?? ''))) {
          const e = env('UV_PROJECT_ENVIRONMENT');
          out.add(resolvePath(node.workdir, e ?? '.venv'));
        }
      }
    }
    if (node.kind === 'copy' && node.fromRef?.kind === 'stage' && node.destPath && !guard.has(node.fromRef.index)) {
      const src = model.stages[node.fromRef.index];
      if (!src) continue;
      const theirs = venvPaths(model, src, guard);
      for (const s of node.sources) {
        const path = resolvePath('/', node.scope.expand(s.value).value).replace(/\/$/, '');
        for (const v of theirs) {
          if (v === path || v.startsWith(`${path}/`)) out.add(resolvePath('/', `${node.destPath.replace(/\/$/, '')}${v.slice(path.length)}`));
        }
        if (isVenvPath(path) && !theirs.some((v) => v === path || v.startsWith(`${path}/`))) out.add(node.destPath.replace(/(.)\/$/, '$1'));
      }
    }
  }
  const result = [...out];
  if (top) venvCache.set(stage, result);
  return result;
}

/** COPY --from instructions of a stage that bring in a virtualenv, with the source stage. */
export function venvCopies(model: DockerfileModel, stage: Stage): { node: CopyNode; from: Stage }[] {
  const out: { node: CopyNode; from: Stage }[] = [];
  for (const node of stage.instructions) {
    if (node.kind !== 'copy' || node.fromRef?.kind !== 'stage') continue;
    const from = model.stages[node.fromRef.index];
    if (!from) continue;
    const theirs = venvPaths(model, from);
    const hit = node.sources.some((s) => {
      const path = resolvePath('/', node.scope.expand(s.value).value).replace(/(.)\/$/, '$1');
      return isVenvPath(path) || theirs.some((v) => v === path || v.startsWith(`${path}/`) || path.startsWith(`${v}/`));
    });
    if (hit) out.push({ node, from });
  }
  return out;
}

function runBringsApp(node: RunNode): boolean {
  for (const cmd of node.script.commands) {
    if (cmd.name === 'git' && subcommand(cmd) === 'clone') return true;
    const inst = classifyInstall(cmd);
    if (!inst) continue;
    if (inst.tool === 'pip' || inst.tool === 'uv-pip') {
      // a wheel or folder, a URL, or a named (non-tool) package: the app comes from there
      if (inst.packages.some((p) => /\.whl$|^\/|^\.\.?\/|:\/\/|^git\+/.test(p.value) && !/requirements/.test(p.value))) return true;
      if (inst.packages.some((p) => !isLocalOrUrl(p.value) && !TOOL_PACKAGES.has(requirementName(p.value)) && requirementName(p.value) !== '')) return true;
    }
    if (inst.project && node.mounts.some((m) => m.type === 'bind' && m.from === undefined && (m.source === undefined || !DEPENDENCY_FILES.test(m.source)))) return true;
  }
  return false;
}

/** The stage (with its FROM chain and the stages it copies from) gets application code from the build context. */
export function hasAppCode(model: DockerfileModel, stage: Stage, seen: Set<number> = new Set()): boolean {
  if (seen.has(stage.index)) return false;
  seen.add(stage.index);
  for (const node of chainInstructions(model, stage)) {
    if (node.kind === 'copy') {
      if (node.heredoc) continue;
      if (node.from === undefined) {
        if (node.keyword === 'ADD' && node.sources.some((s) => /^https?:|^git@/.test(s.value))) return true;
        if (node.sources.some((s) => !DEPENDENCY_FILES.test(s.value.replace(/\/$/, '')))) return true;
      } else if (node.fromRef?.kind === 'stage') {
        const src = model.stages[node.fromRef.index];
        if (src && hasAppCode(model, src, seen)) return true;
      }
    } else if (node.kind === 'run' && runBringsApp(node)) return true;
  }
  return false;
}

/** `3.12` from `python:3.12-slim`, `python:3.12.4`, `uv:python3.12-bookworm`; undefined when unknown. */
export function pythonMinorOf(from: FromNode): string | undefined {
  if (!from.image || !from.imageComplete) return undefined;
  const name = from.imageName ?? '';
  const tag = from.tag ?? '';
  // Parts of at most 9 digits (MAX_VERSION_PART_DIGITS): longer ones are not a Python version.
  const inTag = /python-?(\d{1,9})\.(\d{1,9})(?!\d)/.exec(tag);
  if (inTag) return `${inTag[1]}.${inTag[2]}`;
  if (/(^|\/)python$/.test(name)) {
    const m = /^(\d{1,9})\.(\d{1,9})(?!\d)/.exec(tag);
    if (m) return `${m[1]}.${m[2]}`;
  }
  return undefined;
}

/** The full `X.Y.Z` when the tag says it. */
export function pythonVersionOf(from: FromNode): string | undefined {
  const minor = pythonMinorOf(from);
  if (!minor) return undefined;
  const tag = from.tag ?? '';
  const at = tag.indexOf(minor);
  const patch = at === -1 ? undefined : /^\.\d{1,9}(?!\d)/.exec(tag.slice(at + minor.length))?.[0];
  return minor + (patch ?? '');
}

export function isAlpine(from: FromNode): boolean {
  return /alpine/i.test(from.image ?? '');
}

/** Optional value of an option word such as `--checksum=...`. */
export { optionValue };

const PID1_WRAPPERS = new Set(['tini', 'dumb-init', 'catatonit', 'tini-static']);

/** What the container runs: ENTRYPOINT (exec form) + CMD, or CMD alone; wrappers such as tini skipped. Linear in the words. */
export function effectiveCommand(stage: Stage): { argv: readonly Word[]; node: ExecNode } | undefined {
  const ep = stage.entrypoint;
  const cmd = stage.cmd;
  const words = (n: ExecNode): readonly Word[] => (n.form === 'exec' ? n.argv : n.script.commands[0]?.argv ?? []);
  let argv: readonly Word[];
  let node: ExecNode;
  if (ep) {
    node = ep;
    argv = ep.form === 'exec' && cmd ? words(ep).concat(words(cmd)) : words(ep);
  } else if (cmd) {
    node = cmd;
    argv = words(cmd);
  } else return undefined;
  let k = 0;
  while (k < argv.length && PID1_WRAPPERS.has(basename((argv[k] as Word).value))) {
    k++;
    while (argv[k]?.value.startsWith('-')) k++;
  }
  return { argv: argv.slice(k), node };
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

export const SYSTEM_BIN_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** PATH entries at the end of a stage; `$PATH` (the image's) expands to the usual system dirs. */
export function pathEntries(stage: Stage): string[] {
  const b = stage.finalScope.get('PATH');
  if (!b || b.value === undefined) return [...SYSTEM_BIN_DIRS];
  return b.value.split(':').flatMap((e) => (/^\$\{?PATH\}?$/.test(e) ? SYSTEM_BIN_DIRS : e.includes('$') ? [] : [e.replace(/(.)\/$/, '$1')]));
}

/** A pip requirement that is a local file, folder or URL (no index download for the package itself). */
export function isLocalOrUrlPackage(v: string): boolean {
  return isLocalOrUrl(v);
}
