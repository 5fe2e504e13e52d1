import type { RunNode } from '../../dockerfile/model.js';
import { classifyInstall, requirementName } from '../analysis.js';
import { hasOption, subcommand } from '../commands.js';
import { defineRule } from '../rule.js';

/** The Poetry major this Dockerfile installs, when it says: `poetry==2.1.2`, `POETRY_VERSION=2.1.2`. */
function dockerfilePoetryMajor(nodes: readonly RunNode[]): number | undefined {
  for (const node of nodes) {
    const v = node.scope.get('POETRY_VERSION')?.value;
    for (const cmd of node.script.commands) {
      for (const p of classifyInstall(cmd)?.packages ?? []) {
        if (requirementName(p.value) !== 'poetry') continue;
        const m = /==\s*(\d+)/.exec(node.scope.expand(p.value).value);
        if (m) return Number(m[1]);
      }
      const a = cmd.assignments.find((x) => x.name === 'POETRY_VERSION')?.value;
      if (a && /^\d/.test(a)) return Number(a.split('.')[0]);
    }
    if (v && /^\d/.test(v) && /install\.python-poetry\.org/.test(node.text)) return Number(v.split('.')[0]);
  }
  return undefined;
}

export const poetryRemovedOption = defineRule({
  id: 'PC605',
  name: 'poetry-removed-option',
  kind: 'dockerfile',
  category: 'stability',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A Poetry command uses what Poetry 2 removed: `install --no-dev`, or `export` without poetry-plugin-export.',
    why: '`poetry install --no-dev` was deprecated in Poetry 1.2 and removed in 2.0 (use `--only main` or `--without dev`); `poetry export` left Poetry\'s core in 2.0 and needs poetry-plugin-export. Dockerfiles that install Poetry unpinned broke by the thousand when 2.0 came out. Use the current options and pin Poetry.',
    bad: { code: 'FROM python:3.12-slim\nCOPY pyproject.toml poetry.lock ./\nRUN pip install --no-cache-dir poetry==1.8.3 && poetry install --no-dev --no-root\n' },
    good: { code: 'FROM python:3.12-slim\nCOPY pyproject.toml poetry.lock ./\nRUN pip install --no-cache-dir poetry==1.8.3 && poetry install --only main --no-root\n' },
  },
  messages: {
    noDev: '`poetry install --no-dev` was removed in Poetry 2.0; use `--only main` (or `--without dev`).',
    export: '`poetry export` is not part of Poetry {{major}}; install poetry-plugin-export (`poetry self add poetry-plugin-export` or `pipx inject poetry poetry-plugin-export`).',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    const runs = model.instructions.filter((n): n is RunNode => n.kind === 'run');
    const lockMajor = ctx.facts?.lock?.generator?.value.tool.toLowerCase() === 'poetry' ? Number(ctx.facts.lock.generator.value.version.split('.')[0]) : undefined;
    const major = dockerfilePoetryMajor(runs) ?? lockMajor;
    const hasPlugin = /poetry-plugin-export/.test(model.text);
    return {
      RUN(node) {
        for (const cmd of node.script.commands) {
          if (cmd.name !== 'poetry') continue;
          const sub = subcommand(cmd);
          if ((sub === 'install' || sub === 'sync') && hasOption(cmd, ['--no-dev'])) {
            const w = cmd.argv.find((x) => x.value === '--no-dev');
            if (w) ctx.report({ messageId: 'noDev', range: w.range });
          }
          if (sub === 'export' && major !== undefined && major >= 2 && !hasPlugin) {
            const w = cmd.argv.find((x) => x.value === 'export');
            if (w) ctx.report({ messageId: 'export', range: { start: cmd.argv[0]!.range.start, end: w.range.end }, data: { major } });
          }
        }
      },
    };
  },
});
