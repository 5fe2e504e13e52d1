import type { InstructionNode, RunNode, Stage } from '../../dockerfile/model.js';
import type { ShellCommand } from '../../dockerfile/shell.js';
import { classifyInstall, headRange } from '../analysis.js';
import { chainInstructions, hasOption, subcommand } from '../commands.js';
import { defineRule } from '../rule.js';

/** Did the stage (or its FROM chain) get `lock` into the image, or bind-mount it, before `node`? */
function lockAvailable(before: readonly InstructionNode[], node: RunNode, lock: RegExp): boolean {
  if (node.mounts.some((m) => m.type === 'bind' && m.from === undefined && (m.source === undefined || lock.test(m.source) || m.source === '.'))) return true;
  for (const n of before) {
    if (n.kind !== 'copy' || n.heredoc) continue;
    if (n.from !== undefined) return true; // copied from elsewhere: cannot tell
    if (n.sources.some((s) => lock.test(s.value) || /^\.\/?$|^\*$|^\$/.test(s.value) || /\*/.test(s.value) && /lock/.test(s.value))) return true;
  }
  return false;
}

export const installIgnoresLock = defineRule({
  id: 'PC107',
  name: 'install-ignores-lock',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The dependency install does not use the lock file: the image gets whatever versions resolve on build day.',
    why: 'A lock file is what makes two builds of the same commit install the same packages. `poetry install` without poetry.lock in the image resolves afresh, `poetry lock`/`poetry update` in a build rewrites it, `uv sync` without `--locked`/`--frozen` silently re-locks when pyproject.toml changed, `pip install -r requirements.in` installs unpinned inputs, and `pipenv install` without `--deploy` may update Pipfile.lock. Copy the lock and install from it strictly.',
    bad: { code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml ./\nRUN pip install --no-cache-dir poetry==1.8.3 && poetry install --no-root\n' },
    good: { code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN pip install --no-cache-dir poetry==1.8.3 && poetry install --no-root\n' },
  },
  messages: {
    poetryNoLock: '`poetry install` runs without poetry.lock in the image, so Poetry resolves the dependencies afresh; COPY poetry.lock with pyproject.toml.',
    relock: '`{{command}}` re-resolves dependencies during the build; lock outside the build and install from the committed lock.',
    requirementsIn: '`pip install -r {{file}}` installs unpinned inputs; install the compiled lock (requirements.txt / requirements.lock, ideally with --require-hashes).',
    uvUnlocked: '`uv sync` without --locked or --frozen re-locks when uv.lock is out of date; add --locked.',
    uvNoLock: '`uv sync` runs without uv.lock in the image; COPY or bind-mount uv.lock.',
    pipenv: '`pipenv install` without --deploy (or `pipenv sync`) can update Pipfile.lock; use `pipenv install --deploy` or `pipenv sync`.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    const check = (node: RunNode, stage: Stage, cmd: ShellCommand) => {
      const before = () => chainInstructions(model, stage).filter((n) => n.range.start.line < node.range.start.line || n.stageIndex !== stage.index);
      const sub = subcommand(cmd);
      if (cmd.name === 'poetry') {
        if (sub === 'lock' && !hasOption(cmd, ['--check'])) ctx.report({ messageId: 'relock', range: headRange(cmd), data: { command: 'poetry lock' } });
        else if (sub === 'update') ctx.report({ messageId: 'relock', range: headRange(cmd), data: { command: 'poetry update' } });
        else if (sub === 'install' && !lockAvailable(before(), node, /(^|\/)poetry\.lock$/)) ctx.report({ messageId: 'poetryNoLock', range: headRange(cmd) });
        return;
      }
      if (cmd.name === 'uv') {
        if (sub === 'lock' && !hasOption(cmd, ['--locked', '--check', '--frozen'])) ctx.report({ messageId: 'relock', range: headRange(cmd), data: { command: 'uv lock' } });
        if (sub !== 'sync') return;
        if (!hasOption(cmd, ['--locked', '--frozen']) && !/^(1|true)$/i.test(node.scope.get('UV_LOCKED')?.value ?? node.scope.get('UV_FROZEN')?.value ?? '')) {
          ctx.report({ messageId: 'uvUnlocked', range: headRange(cmd) });
        } else if (!lockAvailable(before(), node, /(^|\/)uv\.lock$/)) ctx.report({ messageId: 'uvNoLock', range: headRange(cmd) });
        return;
      }
      if (cmd.name === 'pdm' && (sub === 'lock' || sub === 'update')) {
        ctx.report({ messageId: 'relock', range: headRange(cmd), data: { command: `pdm ${sub}` } });
        return;
      }
      if (cmd.name === 'pipenv' && sub === 'install' && !hasOption(cmd, ['--deploy', '--ignore-pipfile'])) {
        ctx.report({ messageId: 'pipenv', range: headRange(cmd) });
        return;
      }
      const inst = classifyInstall(cmd);
      if (inst && (inst.tool === 'pip' || inst.tool === 'uv-pip')) {
        for (const f of inst.requirementFiles) {
          if (/\.in$/.test(f.value)) ctx.report({ messageId: 'requirementsIn', range: f.range, data: { file: f.value } });
        }
      }
    };
    return {
      RUN(node, stage) {
        for (const cmd of node.script.commands) check(node, stage, cmd);
      },
    };
  },
});
