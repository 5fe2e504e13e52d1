import { defineRule } from '../rule.js';

export const noDevTarget = defineRule({
  id: 'PC501',
  name: 'no-dev-target',
  kind: 'dockerfile',
  category: 'flexibility',
  defaultSeverity: 'info',
  docs: {
    summary: 'The Dockerfile has no development target (a `dev`/`test` stage), so development happens outside the container.',
    why: 'A `dev` stage built from the dependency stage (with dev dependencies, git, a user whose UID matches yours) lets compose, CI and a devcontainer use the same Dockerfile as production, so "works on my machine" differences disappear. Without it, developers install a second, different environment by hand.',
    bad: { code: 'FROM python:3.12-slim AS app\nCOPY . /app\nCMD ["python", "-m", "app"]\n' },
    good: { code: 'FROM python:3.12-slim AS base\nCOPY . /app\nFROM base AS app\nCMD ["python", "-m", "app"]\nFROM base AS dev\nCMD ["sleep", "infinity"]\n' },
  },
  messages: { noDev: 'no development target (a stage named dev, test, ...); add one built from the dependency stage for compose and the devcontainer.' },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        if (model.stages.some((s) => s.isDev)) return;
        const stage = model.stages[model.runtimeStage ?? model.stages.length - 1];
        if (stage) ctx.report({ messageId: 'noDev', range: stage.from.keywordRange });
      },
    };
  },
});
