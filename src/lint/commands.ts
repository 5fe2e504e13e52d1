import type { RunNode, Stage, DockerfileModel, InstructionNode, CopyNode } from '../dockerfile/model.js';
import type { ShellCommand, Word } from '../dockerfile/shell.js';
import { pipOptionTakesValue, pipOptionWord } from './pip-options.js';

/** Helpers rules share to recognise commands inside RUN. */

export function hasOption(cmd: ShellCommand, long: readonly string[], short?: string): boolean {
  for (const w of cmd.argv.slice(1)) {
    const v = w.value;
    if (v === '--') break;
    if (long.some((l) => v === l || v.startsWith(`${l}=`))) return true;
    if (short && /^-[A-Za-z]+$/.test(v) && v.slice(1).includes(short)) return true;
  }
  return false;
}

/** The value of `--opt value`, `--opt=value` or `-o value`. */
export function optionValue(cmd: ShellCommand, names: readonly string[]): Word | undefined {
  const argv = cmd.argv;
  for (let i = 1; i < argv.length; i++) {
    const v = (argv[i] as Word).value;
    for (const n of names) {
      if (v === n) return argv[i + 1];
      if (n.startsWith('--') && v.startsWith(`${n}=`)) {
        const w = argv[i] as Word;
        return { ...w, value: v.slice(n.length + 1) };
      }
    }
  }
  return undefined;
}

const PIP = /^pip(\d+(\.\d+)?)?$/;
const PYTHON = /^python(\d+(\.\d+)?)?$/;

/** `pip install ...`, `pip3 install`, `python -m pip install`: the words after `install`. */
export function pipInstallArgs(cmd: ShellCommand): Word[] | undefined {
  return pipSubcommandArgs(cmd, 'install');
}

/** Index of the first word after `pip` (`pip3 ...`, `python -m pip ...`), or -1 when the command is not pip. */
function pipStart(cmd: ShellCommand): number {
  if (PIP.test(cmd.name)) return 1;
  if (!PYTHON.test(cmd.name)) return -1;
  const m = cmd.argv.findIndex((w) => w.value === '-m');
  return m !== -1 && cmd.argv[m + 1]?.value === 'pip' ? m + 2 : -1;
}

export function isPipCommand(cmd: ShellCommand): boolean {
  return pipStart(cmd) !== -1;
}

/**
 * `pip wheel ...`, `python -m pip download ...`: the words after the pip subcommand, long options as pip
 * reads them (`--no-cache` -> `--no-cache-dir`, `--no-dependencies` -> `--no-deps`: see pip-options.ts).
 */
export function pipSubcommandArgs(cmd: ShellCommand, sub: string): Word[] | undefined {
  const argv = cmd.argv;
  let i = pipStart(cmd);
  if (i === -1) return undefined;
  while (i < argv.length && (argv[i] as Word).value.startsWith('-')) i++;
  if (argv[i]?.value !== sub) return undefined;
  const args = argv.slice(i + 1);
  const end = args.findIndex((w) => w.value === '--');
  return args.map((w, j) => (end !== -1 && j >= end ? w : { ...w, value: pipOptionWord(w.value) }));
}

/** Words of a command (already expanded) with pip's long options spelled out when the command is pip; other tools' words as they are. */
export function optionWordsOf(cmd: ShellCommand, words: readonly string[]): string[] {
  if (!isPipCommand(cmd)) return [...words];
  const end = words.indexOf('--');
  return words.map((w, j) => (end !== -1 && j >= end ? w : pipOptionWord(w)));
}

/** Requirement files of pip arguments: `-r f`, `--requirement f`, `--requirement=f`, `-rf`. */
export function requirementFileArgs(args: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as Word;
    const v = w.value;
    if (v === '-r' || v === '--requirement' || v === '--requirements') {
      const next = args[i + 1];
      if (next) out.push(next);
      i++;
    } else if (v.startsWith('--requirement=')) out.push({ ...w, value: v.slice('--requirement='.length) });
    else if (/^-r[^-]/.test(v)) out.push({ ...w, value: v.slice(2) });
  }
  return out;
}

/** `pip wheel` / `pip download` (also `python -m pip ...`): they resolve and download like an install, into pip's cache. */
export interface PipFetch {
  readonly sub: 'wheel' | 'download';
  /** Requirement arguments (packages, paths, URLs), without the options. */
  readonly packages: readonly Word[];
  readonly requirementFiles: readonly Word[];
  readonly noDeps: boolean;
}

export function pipFetch(cmd: ShellCommand): PipFetch | undefined {
  for (const sub of ['wheel', 'download'] as const) {
    const args = pipSubcommandArgs(cmd, sub);
    if (args) return { sub, packages: pipPackages(args), requirementFiles: requirementFileArgs(args), noDeps: args.some((w) => w.value === '--no-deps') };
  }
  return undefined;
}

/**
 * `python setup.py install` / `develop` (setuptools' own installers, which fetch `install_requires` with
 * easy_install): the `setup.py` word and the command as written; `setup.py bdist_wheel` and the like install nothing.
 */
export function setupPyInstall(cmd: ShellCommand): (Word & { readonly command: string }) | undefined {
  if (!PYTHON.test(cmd.name)) return undefined;
  const i = cmd.argv.findIndex((w, j) => j > 0 && /(^|\/)setup\.py$/.test(w.value));
  if (i === -1 || cmd.argv.slice(1, i).some((w) => !w.value.startsWith('-'))) return undefined;
  const sub = cmd.argv.slice(i + 1).find((w) => !w.value.startsWith('-'))?.value;
  if (sub !== 'install' && sub !== 'develop') return undefined;
  return { ...(cmd.argv[i] as Word), command: `${cmd.name} ${(cmd.argv[i] as Word).value} ${sub}` };
}

/** `uv pip install ...` (or `uv pip sync`, `uv pip compile` with `sub`): the words after the subcommand. */
export function uvPipInstallArgs(cmd: ShellCommand, sub = 'install'): Word[] | undefined {
  if (cmd.name !== 'uv') return undefined;
  const a = cmd.argv.map((w) => w.value);
  const p = a.indexOf('pip');
  if (p === -1 || a[p + 1] !== sub) return undefined;
  return cmd.argv.slice(p + 2);
}

/**
 * The arguments as the shell will most likely see them: ARG/ENV values substituted and unquoted
 * expansions split into words (`uv sync $UV_OPTIONS` with `ARG UV_OPTIONS="--frozen --no-dev"`).
 * `complete` is false when a value could not be known (an ARG without a default, a `$(...)`).
 */
export function expandedWords(node: { readonly scope: RunNode['scope'] }, cmd: ShellCommand): { words: string[]; complete: boolean } {
  const words: string[] = [];
  let complete = true;
  for (const w of cmd.argv) {
    if (!w.hasExpansion) {
      words.push(w.value);
      continue;
    }
    const e = node.scope.expand(w.value);
    const value = e.value;
    if (!e.complete || /\$\(|`/.test(w.value)) complete = false;
    if (w.quoted) words.push(value);
    else words.push(...value.split(/\s+/).filter((x) => x !== ''));
  }
  return { words, complete };
}

/** `--locked`, `--frozen=true`, or a short flag inside `-xyz`, among already expanded words. */
export function hasFlag(words: readonly string[], long: readonly string[], short?: string): boolean {
  for (const v of words.slice(1)) {
    if (v === '--') break;
    if (long.some((l) => v === l || v.startsWith(`${l}=`))) return true;
    if (short && /^-[A-Za-z]+$/.test(v) && v.slice(1).includes(short)) return true;
  }
  return false;
}

const TRUTHY = /^(1|true|yes|y|on)$/i;

/**
 * A boolean environment variable the command sees (`VAR=1 cmd`, ENV or ARG): true or false, or
 * undefined when it is declared but its value cannot be known (`ARG UV_FROZEN` without a default).
 */
export function envFlag(node: { readonly scope: RunNode['scope'] }, cmd: ShellCommand, name: string): boolean | undefined {
  const local = cmd.assignments.find((a) => a.name === name);
  const b = local ? { value: local.value, complete: true } : node.scope.get(name);
  if (!b) return false;
  if (b.value === undefined) return undefined;
  const e = node.scope.expand(b.value);
  if (!e.complete || !b.complete) return TRUTHY.test(e.value) ? true : undefined;
  return TRUTHY.test(e.value);
}

/** The value of an environment variable the command sees (`VAR=x cmd`, ENV or ARG), expanded. */
export function envValue(node: { readonly scope: RunNode['scope'] }, cmd: ShellCommand, name: string): string | undefined {
  const local = cmd.assignments.find((a) => a.name === name);
  if (local) return node.scope.expand(local.value).value;
  const b = node.scope.get(name);
  return b?.value === undefined ? undefined : node.scope.expand(b.value).value;
}

/** First non-option argument after the program (`poetry install` -> `install`). */
export function subcommand(cmd: ShellCommand): string | undefined {
  for (const w of cmd.argv.slice(1)) if (!w.value.startsWith('-')) return w.value;
  return undefined;
}

/** Short options of pip and long options of `uv pip` that take a value (pip's long ones: pipOptionTakesValue). */
const PIP_VALUE_OPTIONS = new Set([
  '-r', '-c', '-i', '-f', '-t', '-C', '-d', '-w', '--requirements', '--constraints', '--overrides', '--build-constraints', '--index',
  '--default-index', '--index-strategy', '--link-mode', '--resolution', '--prerelease', '--exclude-newer', '--extra', '--python-platform',
]);

/** Requirement arguments of a pip install (packages, paths, URLs), without options and their values. */
export function pipPackages(args: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = (args[i] as Word).value;
    if (v.startsWith('-')) {
      if (PIP_VALUE_OPTIONS.has(v) || pipOptionTakesValue(v)) i++;
      else if (v === '-e' || v === '--editable') {
        i++;
      }
      continue;
    }
    out.push(args[i] as Word);
  }
  return out;
}

/** A local path, archive or URL rather than a package from an index. */
export function isLocalOrUrl(req: string): boolean {
  return /^(\.|\/|~|\$)|\.(whl|tar\.gz|zip|tgz)$|^[a-z+]+:\/\/|^git\+|\*/i.test(req) || req.includes('/');
}

export function aptInstallPackages(cmd: ShellCommand): Word[] | undefined {
  if (!['apt-get', 'apt', 'aptitude'].includes(cmd.name)) return undefined;
  if (subcommand(cmd) !== 'install') return undefined;
  const out: Word[] = [];
  let seenInstall = false;
  for (let i = 1; i < cmd.argv.length; i++) {
    const w = cmd.argv[i] as Word;
    if (w.value.startsWith('-')) {
      if (w.value === '-o' || w.value === '-t' || w.value === '--target-release') i++;
      continue;
    }
    if (!seenInstall && w.value === 'install') {
      seenInstall = true;
      continue;
    }
    out.push(w);
  }
  return out;
}

export function stageCommands(stage: Stage): { node: RunNode; cmd: ShellCommand }[] {
  const out: { node: RunNode; cmd: ShellCommand }[] = [];
  for (const n of stage.instructions) if (n.kind === 'run') for (const cmd of n.script.commands) out.push({ node: n, cmd });
  return out;
}

/** The stage and the stages it is built FROM, nearest first. */
const chainCache = new WeakMap<Stage, Stage[]>();
const chainNodesCache = new WeakMap<Stage, InstructionNode[]>();

/**
 * How many stages of a FROM chain the rules follow (the stage and its nearest ancestors). Real files have a
 * handful; the cap keeps per-stage chain walks linear on a chain of 20,000 stages (the engine reports it, PC191).
 */
export const MAX_STAGE_CHAIN = 128;

/** The stage, then the stages it is built FROM, nearest first (at most MAX_STAGE_CHAIN). */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const cached = chainCache.get(stage);
  if (cached) return cached;
  const chain: Stage[] = [stage];
  let s: Stage | undefined = stage;
  while (s?.baseStage !== undefined && chain.length < MAX_STAGE_CHAIN) {
    // A base is always an earlier stage: O(1) per step where `includes` made a long chain quadratic.
    s = s.baseStage < s.index ? model.stages[s.baseStage] : undefined;
    if (!s) break;
    chain.push(s);
  }
  chainCache.set(stage, chain);
  return chain;
}

/** Instructions of the stage and its FROM ancestors, in build order (ancestors first). */
/** The stage that ships (see DockerfileModel.runtimeStage), or undefined for a development-only file. */
export function runtimeStageOf(model: DockerfileModel): Stage | undefined {
  return model.runtimeStage === undefined ? undefined : model.stages[model.runtimeStage];
}

export function chainInstructions(model: DockerfileModel, stage: Stage): InstructionNode[] {
  const cached = chainNodesCache.get(stage);
  if (cached) return cached;
  const nodes = [...stageChain(model, stage)].reverse().flatMap((s) => s.instructions);
  chainNodesCache.set(stage, nodes);
  return nodes;
}

/** Words of a command with the RUN's variables substituted (what the shell will most likely see). */
export function expandedArgs(node: RunNode, cmd: ShellCommand): string[] {
  return cmd.argv.map((w) => (w.hasExpansion ? node.scope.expand(w.value).value : w.value));
}

export function isCacheMountFor(node: RunNode, pattern: RegExp): boolean {
  return node.mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== undefined && pattern.test(m.target));
}

/** Build tools that should not reach the runtime image. */
export const PYTHON_TOOLS = ['poetry', 'pipx', 'uv', 'pdm', 'pipenv', 'hatch'] as const;
export const COMPILER_PACKAGES = new Set([
  'build-essential', 'gcc', 'g++', 'make', 'clang', 'cmake', 'gfortran', 'cargo', 'rustc', 'libc6-dev', 'cpp',
]);

export function copyIsFromContext(node: CopyNode): boolean {
  return node.from === undefined && !node.heredoc;
}

/** The path without its trailing slashes, keeping the first character (`/app//` -> /app, `//` -> /). */
export function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}

/**
 * The glob with its wildcards left out: `*`, `?` and each `[...]` class (up to the next `]`; a `[` with no
 * `]` after it stays). A scan, not `/\[[^\]]*\]/g`, which rescans to the end from each of many unclosed `[`.
 */
function withoutWildcards(glob: string): string {
  const lastClose = glob.lastIndexOf(']');
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' || c === '?') continue;
    if (c === '[' && i < lastClose) {
      i = glob.indexOf(']', i + 1);
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * `text` matches `pattern`, where only `*` is special (any run of characters): the pieces between the
 * stars found left to right. A regular expression from the pattern backtracks without end on `*a*a*a…`.
 */
export function matchesStarGlob(pattern: string, text: string): boolean {
  const pieces = pattern.split('*');
  const first = pieces[0] as string;
  if (pieces.length === 1) return pattern === text;
  const last = pieces[pieces.length - 1] as string;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = text.indexOf(piece, at);
    if (found === -1 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

/**
 * A COPY source that only describes dependencies, also as a glob among them (`poetry.lock*`,
 * `Pipfile*`, `requirements*.txt`, `requirements/*.txt`): the pattern with its wildcards left out
 * names a dependency file.
 */
export function isDependencyFile(source: string): boolean {
  const v = source.replace(/^\.\//, '').replace(/(.)\/$/, '$1');
  if (DEPENDENCY_FILES.test(v)) return true;
  if (!/[*?[]/.test(v)) return false;
  return DEPENDENCY_FILES.test(withoutWildcards(v)) || /(^|\/)requirements\/[^/]*$/i.test(v);
}

/** Files and dirs that only describe dependencies (copying them is fine before installing). */
export const DEPENDENCY_FILES =
  /(^|\/)(pyproject\.toml|setup\.py|[^/]*\.lock|poetry\.lock|uv\.lock|pdm\.lock|Pipfile(\.lock)?|requirements[^/]*\.(txt|in|lock)|constraints[^/]*\.txt|setup\.cfg|README[^/]*|LICEN[CS]E[^/]*|\.python-version|poetry\.toml|uv\.toml|pip\.conf|MANIFEST\.in|requirements\/?)$/i;
