import type { DockerfileModel, InstructionNode, RunNode, Stage } from '../dockerfile/model.js';
import type { ShellCommand, Word } from '../dockerfile/shell.js';
import type { ProjectFacts, RequirementsFile } from '../inspect/model.js';
import { classifyInstall, isProjectPath, type Install } from './analysis.js';
import { chainInstructions, envFlag, expandedWords, hasFlag, optionWordsOf, pipFetch } from './commands.js';

/** What pycrane knows about lock files inside a Dockerfile: which ones exist, which commands honour them. */

export type LockingTool = 'poetry' | 'uv' | 'pdm' | 'pipenv';

export const LOCK_FILE: Readonly<Record<LockingTool, string>> = { poetry: 'poetry.lock', uv: 'uv.lock', pdm: 'pdm.lock', pipenv: 'Pipfile.lock' };

const LOCK_NAME = /(^|\/)(poetry\.lock|uv\.lock|pdm\.lock|Pipfile\.lock)$/;

/** Per FROM chain: each node's index, and the first index where a named predicate holds. */
const chainTables = new WeakMap<readonly InstructionNode[], { index: Map<InstructionNode, number>; first: Map<string, number> }>();

/**
 * The instructions of a stage's FROM chain before a node (earlier stages first). `some` answers "does an
 * earlier instruction satisfy this?" from the first index where the predicate holds, found once per chain
 * and predicate: asked for each of 20,000 `uv sync` lines, rescanning the chain was quadratic.
 */
export class Before {
  constructor(
    private readonly chain: readonly InstructionNode[],
    private readonly first: Map<string, number>,
    private readonly end: number,
  ) {}

  private firstIndex(key: string, p: (n: InstructionNode) => boolean): number {
    let first = this.first.get(key);
    if (first === undefined) {
      first = this.chain.findIndex(p);
      if (first < 0) first = Infinity;
      this.first.set(key, first);
    }
    return first;
  }

  /** Whether an instruction before the node satisfies `p`; `key` names `p` (the same key, the same predicate). */
  some(key: string, p: (n: InstructionNode) => boolean): boolean {
    return this.firstIndex(key, p) < this.end;
  }

  /** The first instruction before the node that satisfies `p`. */
  find(key: string, p: (n: InstructionNode) => boolean): InstructionNode | undefined {
    const i = this.firstIndex(key, p);
    return i < this.end ? this.chain[i] : undefined;
  }
}

/** Instructions of the stage's FROM chain before `node` (earlier stages first). */
export function instructionsBefore(model: DockerfileModel, stage: Stage, node: InstructionNode): Before {
  const chain = chainInstructions(model, stage);
  let tables = chainTables.get(chain);
  if (!tables) {
    tables = { index: new Map(chain.map((n, i) => [n, i])), first: new Map() };
    chainTables.set(chain, tables);
  }
  return new Before(chain, tables.first, tables.index.get(node) ?? chain.length);
}

/** Did the stage (or its FROM chain) get the lock into the image, or bind-mount it, before `node`? Unknowable cases count as yes. */
export function lockAvailable(before: Before, node: RunNode, lock: string): boolean {
  const named = (v: string) => v === lock || v.endsWith(`/${lock}`);
  if (node.mounts.some((m) => m.type === 'bind' && m.from === undefined && (m.source === undefined || m.source === '.' || named(m.source)))) return true;
  if (node.mounts.some((m) => m.type === 'bind' && m.from !== undefined)) return true;
  return before.some(`lock-copied:${lock}`, (n) => {
    if (n.kind !== 'copy' || n.heredoc) return false;
    if (n.from !== undefined) return true; // copied from elsewhere: cannot tell
    return n.sources.some((s) => named(s.value) || /^\.\/?$|^\*$|^\$/.test(s.value) || (/\*/.test(s.value) && /lock/.test(s.value)));
  });
}

/** A lock file copied or bind-mounted into the image by name (not through `COPY . .`): the Dockerfile means to use it. */
export function lockNamedInImage(before: Before, node: RunNode): string | undefined {
  for (const m of node.mounts) if (m.type === 'bind' && m.source && LOCK_NAME.test(m.source)) return m.source.split('/').pop();
  const lockOf = (n: InstructionNode) => (n.kind !== 'copy' || n.from !== undefined || n.heredoc ? undefined : n.sources.find((s) => LOCK_NAME.test(s.value.replace(/\*$/, ''))));
  const hit = before.find('lock-named', (n) => lockOf(n) !== undefined);
  return hit ? lockOf(hit)?.value.replace(/\*$/, '').split('/').pop() : undefined;
}

/** The project has no lock of this tool at all (facts say so): the build cannot honour one, and inspect already warns. */
export function projectWithoutLock(facts: ProjectFacts | undefined, manager: string): boolean {
  return facts !== undefined && facts.manager.value === manager && facts.lock === undefined;
}

/** How strict the command is about the lock: `locked`, `unlocked`, or `unknown` (a flag hidden in an ARG without a value). */
export type Strictness = 'locked' | 'unlocked' | 'unknown';

function strictness(node: RunNode, cmd: ShellCommand, flags: readonly string[], env: readonly string[]): Strictness {
  const { words, complete } = expandedWords(node, cmd);
  if (hasFlag(words, flags)) return 'locked';
  const states = env.map((name) => envFlag(node, cmd, name));
  if (states.includes(true)) return 'locked';
  return !complete || states.includes(undefined) ? 'unknown' : 'unlocked';
}

/** `uv sync`, `uv export`, `uv run`: --locked/--frozen or UV_LOCKED/UV_FROZEN (`uv run --no-sync` does not lock either). */
export function uvStrictness(node: RunNode, cmd: ShellCommand, sub: string): Strictness {
  const run = sub === 'run';
  return strictness(node, cmd, run ? ['--locked', '--frozen', '--no-sync'] : ['--locked', '--frozen'], run ? ['UV_LOCKED', 'UV_FROZEN', 'UV_NO_SYNC'] : ['UV_LOCKED', 'UV_FROZEN']);
}

/** `pdm install`: --frozen-lockfile (alias --no-lock), --check, or PDM_FROZEN_LOCKFILE / PDM_NO_LOCK. */
export function pdmStrictness(node: RunNode, cmd: ShellCommand): Strictness {
  return strictness(node, cmd, ['--frozen-lockfile', '--no-lock', '--check'], ['PDM_FROZEN_LOCKFILE', 'PDM_NO_LOCK']);
}

/** `pipenv install`: --deploy or --ignore-pipfile, or their PIPENV_* variables (pipenv reads every option from PIPENV_<NAME>). */
export function pipenvStrictness(node: RunNode, cmd: ShellCommand): Strictness {
  return strictness(node, cmd, ['--deploy', '--ignore-pipfile'], ['PIPENV_DEPLOY', 'PIPENV_IGNORE_PIPFILE']);
}

/**
 * `uv sync --locked` ran earlier in the chain: the lock is known to match, so later `uv run`s find
 * nothing to re-lock. (`--frozen` does not check, so a stale lock would still be re-locked by `uv run`.)
 */
export function uvLockedEarlier(before: Before): boolean {
  return before.some('uv-sync-locked', (n) => n.kind === 'run' && n.script.commands.some((c) => c.name === 'uv' && c.argv[1]?.value === 'sync' && strictness(n, c, ['--locked'], ['UV_LOCKED']) === 'locked'));
}

/** pip's hash-checking mode or a constraints file pins every requirement the install resolves. */
export function pipPinnedByOptions(node: RunNode, cmd: ShellCommand): boolean {
  const words = optionWordsOf(cmd, expandedWords(node, cmd).words);
  if (hasFlag(words, ['--require-hashes', '--constraint', '--constraints', '--build-constraint']) || words.some((w) => w === '-c' || /^-c./.test(w))) return true;
  return ['PIP_REQUIRE_HASHES', 'PIP_CONSTRAINT', 'UV_CONSTRAINT', 'UV_REQUIRE_HASHES'].some((name) => envFlag(node, cmd, name) !== false);
}

/** The requirement file of the project that a Dockerfile path names (`/tmp/requirements.txt` -> requirements.txt). */
export function requirementsFileFor(facts: ProjectFacts | undefined, path: string): RequirementsFile | undefined {
  const r = facts?.requirements;
  if (!r) return undefined;
  const p = path.replace(/^\.\//, '');
  return [r.main, ...r.dev].find((f) => p === f.path || p.endsWith(`/${f.path}`));
}

export function isRequirementsInput(facts: ProjectFacts | undefined, path: string): boolean {
  const p = path.replace(/^\.\//, '');
  return /\.in$|(^|\/)(pyproject\.toml|setup\.cfg|setup\.py)$/.test(p) || (facts?.requirements?.inputs ?? []).some((f) => p === f || p.endsWith(`/${f}`));
}

/** Earlier installs (before `node`, or earlier in its RUN) that put the dependencies in place. */
export function dependenciesInstalledBefore(before: Before, node: RunNode, cmd: ShellCommand): boolean {
  const installs = (n: RunNode, upTo?: ShellCommand) => {
    const cmds = upTo ? n.script.commands.slice(0, n.script.commands.indexOf(upTo)) : n.script.commands;
    return cmds.some((c) => {
      const i: Install | undefined = classifyInstall(c);
      if (!i?.dependencies) return false;
      return i.tool === 'pip' || i.tool === 'uv-pip' ? i.requirementFiles.length > 0 : true;
    });
  };
  return installs(node, cmd) || before.some('dependencies-installed', (n) => n.kind === 'run' && installs(n));
}

/** `pip wheel .` / `pip download -r f`: the project paths and the requirement files pip resolves, like an install's. */
export function pipWheel(cmd: ShellCommand): { packages: Word[]; requirementFiles: readonly Word[]; noDeps: boolean } | undefined {
  const fetch = pipFetch(cmd);
  if (!fetch) return undefined;
  return { packages: fetch.packages.filter((w) => isProjectPath(w.value)), requirementFiles: fetch.requirementFiles, noDeps: fetch.noDeps };
}
