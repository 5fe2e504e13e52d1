import type { RunNode, Stage } from '../../dockerfile/model.js';
import type { ShellCommand, Word } from '../../dockerfile/shell.js';
import { classifyInstall, isProjectPath, verbRange, verbText } from '../analysis.js';
import { expandedWords, hasFlag, setupPyInstall, subcommand } from '../commands.js';
import {
  type Before,
  dependenciesInstalledBefore,
  instructionsBefore,
  isRequirementsInput,
  LOCK_FILE,
  lockAvailable,
  lockNamedInImage,
  pdmStrictness,
  pipenvStrictness,
  pipPinnedByOptions,
  pipWheel,
  projectWithoutLock,
  requirementsFileFor,
  uvLockedEarlier,
  uvStrictness,
} from '../locks.js';
import { defineRule } from '../rule.js';

/** The word that names the project in `pip install .` / `pip install -e .` / `pip wheel .`. */
function projectWord(cmd: ShellCommand, packages: readonly Word[]): Word | undefined {
  const editable = cmd.argv.findIndex((w) => w.value === '-e' || w.value === '--editable');
  const target = editable === -1 ? undefined : cmd.argv[editable + 1];
  if (target && isProjectPath(target.value)) return target;
  return packages.find((p) => isProjectPath(p.value));
}

export const installIgnoresLock = defineRule({
  id: 'PC107',
  name: 'install-ignores-lock',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The dependency install does not use the lock file: the image gets whatever versions resolve on build day.',
    why: 'A lock file is what makes two builds of the same commit install the same packages. Each manager has commands that honour it and commands that quietly resolve again. Poetry: `poetry install` without poetry.lock in the image resolves afresh, `poetry lock`/`poetry update` in a build rewrite it. uv: `uv sync`, `uv export` and `uv run` re-lock when uv.lock is out of date unless `--locked` or `--frozen` (or `UV_LOCKED=1`/`UV_FROZEN=1` from ENV, ARG or the command line) says otherwise. Options are read after ARG and ENV values are expanded (`ARG UV_OPTIONS="--frozen"` + `uv sync $UV_OPTIONS` is locked; an ARG without a default could be anything and is not reported). PDM: `pdm install` re-locks a stale pdm.lock unless `--frozen-lockfile` or `--check` (or `PDM_FROZEN_LOCKFILE=1`); `pdm sync` never locks. pipenv: `pipenv install` without `--deploy` or `--ignore-pipfile` (or `PIPENV_DEPLOY=1`/`PIPENV_IGNORE_PIPFILE=1`: pipenv reads each option from `PIPENV_<OPTION>`) may update Pipfile.lock; `pipenv sync` never locks. Poetry has no such switch: `poetry install` installs from poetry.lock when it is there and refuses a stale one. pip-tools: `pip-compile` (or `python -m piptools compile`, `uv pip compile`) in a build resolves on build day, whatever the inputs pin. pip: `pip install -r requirements.in` installs unpinned inputs, and so does a requirements file that pins not every package (pycrane knows when it has read the project); `--require-hashes` or a constraints file (`-c`) pins them. `pip install .` without `--no-deps` resolves the project\'s dependencies from its metadata, ignoring the lock, unless they were installed from it before. So does `python setup.py install` (or `develop`), through easy_install. Without project facts (`--no-project`, or the scorer linting a Dockerfile alone) pycrane cannot tell whether a lock exists and reports such a project install all the same, with its own message: the ranges of the metadata resolve on build day either way. Options are read as pip reads them, unique prefixes included (`--no-dependencies`, `--no-dep` is ambiguous and pip rejects it). An exported lock installed by pip (`pdm export -o r.txt && pip install --require-hashes -r r.txt`) is locked. When pycrane knows the project has no lock at all, the build cannot honour one: `pycrane inspect` warns about that instead.',
    bad: { code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml ./\nRUN pip install --no-cache-dir poetry==1.8.3 && poetry install --no-root\n' },
    good: { code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN pip install --no-cache-dir poetry==1.8.3 && poetry install --no-root\n' },
  },
  messages: {
    poetryNoLock: '`{{command}}` runs without poetry.lock in the image, so Poetry resolves the dependencies afresh; COPY poetry.lock with pyproject.toml.',
    relock: '`{{command}}` re-resolves dependencies during the build; lock outside the build and install from the committed lock.',
    requirementsIn: '{{file}} holds unpinned inputs, not a lock: `{{command}}` resolves them on build day; install the compiled file (pip-compile, `uv pip compile`, `uv export`), ideally with --require-hashes.',
    unpinnedFile: '{{file}} does not pin every requirement ({{where}}), so `{{command}}` resolves versions on build day; pin them with == (pip-compile, `uv pip compile`) or add a constraints file (-c).',
    uvUnlocked: '`{{command}}` without --locked or --frozen re-locks when uv.lock is out of date; add --locked (or set UV_LOCKED=1).',
    uvNoLock: '`{{command}}` runs without uv.lock in the image; COPY or bind-mount uv.lock.',
    pdmUnlocked: '`{{command}}` without --frozen-lockfile re-locks when pdm.lock is out of date; use `pdm sync` (never locks) or `pdm install --check`.',
    pdmNoLock: '`{{command}}` runs without pdm.lock in the image, so PDM resolves and writes a new lock; COPY pdm.lock with pyproject.toml.',
    pdmExportPyproject: '`{{command}} --pyproject` exports the ranges of pyproject.toml, not pdm.lock; export the lock (drop --pyproject).',
    pipenv: '`{{command}}` without --deploy (or `pipenv sync`) can update Pipfile.lock; use `pipenv install --deploy` or `pipenv sync`.',
    projectResolves: '`{{command}}` resolves the project\'s dependencies from its metadata, not from {{lock}}; install the locked dependencies first (an export of the lock, `uv sync --locked --no-install-project`, ...) and the project with --no-deps.',
    projectUnlocked: '`{{command}}` resolves the project\'s dependencies from the ranges of its metadata on build day; install them from a lock or a pinned requirements file first and the project with --no-deps.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    const facts = ctx.facts;
    const report = (messageId: 'relock' | 'uvUnlocked' | 'uvNoLock' | 'pdmUnlocked' | 'pdmNoLock' | 'pipenv' | 'poetryNoLock' | 'pdmExportPyproject', cmd: ShellCommand) =>
      ctx.report({ messageId, range: verbRange(cmd), data: { command: verbText(cmd) } });

    const poetry = (node: RunNode, stage: Stage, cmd: ShellCommand, sub: string | undefined) => {
      if (projectWithoutLock(facts, 'poetry')) return;
      if ((sub === 'lock' && !hasOption(node, cmd, ['--check'])) || sub === 'update' || sub === 'add' || sub === 'remove') report('relock', cmd);
      else if (sub === 'install' || sub === 'sync' || sub === 'export') {
        const before = instructionsBefore(model, stage, node);
        if (lockAvailable(before, node, LOCK_FILE.poetry)) return;
        // An export after an install (or lock) in the build reads the lock that one wrote: report the first only.
        if (sub === 'export' && poetryLockedBefore(before, node, cmd)) return;
        report('poetryNoLock', cmd);
      }
    };

    const uv = (node: RunNode, stage: Stage, cmd: ShellCommand, sub: string | undefined) => {
      if (projectWithoutLock(facts, 'uv')) return;
      const words = cmd.argv.map((w) => w.value);
      if (sub === 'pip' && words[words.indexOf('pip') + 1] === 'compile') return report('relock', cmd);
      if (sub === 'lock' && !hasOption(node, cmd, ['--locked', '--check', '--frozen', '--check-exists'])) return report('relock', cmd);
      if ((sub === 'add' || sub === 'remove') && !hasOption(node, cmd, ['--frozen'])) return report('relock', cmd);
      if (sub !== 'sync' && sub !== 'export' && sub !== 'run') return;
      const before = instructionsBefore(model, stage, node);
      if (sub === 'run' && uvLockedEarlier(before)) return;
      const strict = uvStrictness(node, cmd, sub);
      if (strict === 'unlocked') report('uvUnlocked', cmd);
      else if (strict === 'locked' && sub !== 'run' && !lockAvailable(before, node, LOCK_FILE.uv)) report('uvNoLock', cmd);
    };

    const pdm = (node: RunNode, stage: Stage, cmd: ShellCommand, sub: string | undefined) => {
      if (projectWithoutLock(facts, 'pdm')) return;
      if ((sub === 'lock' && !hasOption(node, cmd, ['--check'])) || sub === 'update' || sub === 'add' || sub === 'remove') return report('relock', cmd);
      if (sub === 'export' && hasOption(node, cmd, ['--pyproject'])) return report('pdmExportPyproject', cmd);
      if (sub !== 'install') return;
      if (!lockAvailable(instructionsBefore(model, stage, node), node, LOCK_FILE.pdm)) report('pdmNoLock', cmd);
      else if (pdmStrictness(node, cmd) === 'unlocked') report('pdmUnlocked', cmd);
    };

    const pipenv = (node: RunNode, cmd: ShellCommand, sub: string | undefined) => {
      if (projectWithoutLock(facts, 'pipenv')) return;
      if (sub === 'lock' || sub === 'update' || sub === 'upgrade') report('relock', cmd);
      else if (sub === 'install' && pipenvStrictness(node, cmd) === 'unlocked') report('pipenv', cmd);
    };

    /** Requirement files of pip, uv pip and pip-sync: inputs and files that pin not everything. */
    const requirementFiles = (node: RunNode, cmd: ShellCommand, files: readonly Word[]) => {
      if (files.length === 0 || pipPinnedByOptions(node, cmd)) return;
      const command = verbText(cmd);
      for (const f of files) {
        const path = node.scope.expand(f.value).value;
        if (isRequirementsInput(facts, path)) {
          ctx.report({ messageId: 'requirementsIn', range: f.range, data: { file: f.value, command } });
          continue;
        }
        const known = requirementsFileFor(facts, path);
        if (known && !known.pinned) ctx.report({ messageId: 'unpinnedFile', range: f.range, data: { file: f.value, where: known.path, command } });
      }
    };

    /**
     * `pip install .` (or `setup.py install`) that resolves the dependencies itself: while a lock exists, or
     * without project facts, where a lock cannot be ruled out and the ranges resolve on build day either way.
     * With facts that show no lock, the build cannot honour one: inspect warns about that instead.
     */
    const projectInstall = (node: RunNode, stage: Stage, cmd: ShellCommand, word: Word | undefined, written?: string) => {
      if (!word || pipPinnedByOptions(node, cmd)) return;
      const command = written ?? `${verbText(cmd)} ${word.value}`;
      const before = instructionsBefore(model, stage, node);
      if (dependenciesInstalledBefore(before, node, cmd)) return;
      const lock = facts?.lock?.path ?? (facts ? undefined : lockNamedInImage(before, node));
      if (lock) ctx.report({ messageId: 'projectResolves', range: word.range, data: { command, lock } });
      // A variable (`pip install $PKG`) may name any package; only a visible project path is reported without facts.
      else if (!facts && !node.scope.expand(word.value).value.includes('$')) ctx.report({ messageId: 'projectUnlocked', range: word.range, data: { command } });
    };

    const check = (node: RunNode, stage: Stage, cmd: ShellCommand) => {
      const sub = subcommand(cmd);
      switch (cmd.name) {
        case 'poetry':
          return poetry(node, stage, cmd, sub);
        case 'pdm':
          return pdm(node, stage, cmd, sub);
        case 'pipenv':
          return pipenv(node, cmd, sub);
        default:
      }
      if (isPipCompile(cmd)) {
        if (!projectWithoutLock(facts, 'pip-tools')) report('relock', cmd);
        return;
      }
      if (cmd.name === 'uv') uv(node, stage, cmd, sub);
      const setup = setupPyInstall(cmd);
      if (setup) return projectInstall(node, stage, cmd, setup, setup.command);
      const inst = classifyInstall(cmd);
      if (inst && (inst.tool === 'pip' || inst.tool === 'uv-pip' || inst.tool === 'pip-sync')) {
        requirementFiles(node, cmd, inst.requirementFiles);
        if (inst.tool !== 'pip-sync' && inst.project && !inst.noDeps && inst.requirementFiles.length === 0) projectInstall(node, stage, cmd, projectWord(cmd, inst.packages));
        return;
      }
      const wheel = pipWheel(cmd);
      if (wheel) {
        requirementFiles(node, cmd, wheel.requirementFiles);
        if (!wheel.noDeps && wheel.requirementFiles.length === 0) projectInstall(node, stage, cmd, wheel.packages[0]);
      }
    };

    return {
      RUN(node, stage) {
        for (const cmd of node.script.commands) check(node, stage, cmd);
      },
    };
  },
});

/** A Poetry command before `cmd` (in its RUN or earlier) that writes poetry.lock when there is none. */
function poetryLockedBefore(before: Before, node: RunNode, cmd: ShellCommand): boolean {
  const writes = (c: ShellCommand) => c.name === 'poetry' && ['install', 'sync', 'lock', 'update', 'add'].includes(subcommand(c) ?? '');
  const own = node.script.commands;
  return own.slice(0, own.indexOf(cmd)).some(writes) || before.some('poetry-wrote-lock', (n) => n.kind === 'run' && n.script.commands.some(writes));
}

/** `pip-compile` or `python -m piptools compile`: pip-tools resolves the inputs again. */
function isPipCompile(cmd: ShellCommand): boolean {
  if (cmd.name === 'pip-compile') return true;
  const a = cmd.argv.map((w) => w.value);
  const m = a.indexOf('-m');
  return /^python[\d.]*$/.test(cmd.name) && m !== -1 && a[m + 1] === 'piptools' && a[m + 2] === 'compile';
}

/** An option, also when it comes from an ARG/ENV value (`uv lock $UV_ARGS`). */
function hasOption(node: RunNode, cmd: ShellCommand, long: readonly string[]): boolean {
  return hasFlag(expandedWords(node, cmd).words, long);
}
