import { composeServices, modelForBuild, serviceBuild, valueRange } from '../compose-model.js';
import { defineRule } from '../rule.js';

export const composeUnknownBuildTarget = defineRule({
  id: 'PC708',
  name: 'compose-unknown-build-target',
  kind: 'compose',
  category: 'compose',
  defaultSeverity: 'error',
  docs: {
    summary: '`build.target` names a stage the Dockerfile does not have.',
    why: 'The build fails with "target stage could not be found" — but only when that service is built, which may be long after the stage was renamed (a dev or CI-only service). Keep the target in step with the `FROM ... AS <name>` lines.',
    bad: { code: 'services:\n  dev:\n    build:\n      context: .\n      target: develop\n', files: { dockerfile: 'FROM python:3.12-slim AS base\nFROM base AS dev\n' } },
    good: { code: 'services:\n  dev:\n    build:\n      context: .\n      target: dev\n', files: { dockerfile: 'FROM python:3.12-slim AS base\nFROM base AS dev\n' } },
  },
  messages: { unknown: 'target "{{target}}" is not a stage of {{dockerfile}} (stages: {{stages}}).' },
  create(ctx) {
    return {
      done() {
        for (const svc of composeServices(ctx.compose)) {
          const build = serviceBuild(ctx.compose, svc);
          const target = build?.target;
          if (target === undefined || target.includes('$')) continue;
          const model = modelForBuild(build, ctx.dockerfile, ctx.paths.dockerfile);
          if (!model || model.stages.length === 0 || model.stage(target.toLowerCase())) continue;
          const stages = model.stages.map((s) => s.name).filter((n) => n !== undefined);
          ctx.report({
            messageId: 'unknown',
            range: valueRange(ctx.compose, [...(build?.path ?? []), 'target']),
            data: { target, dockerfile: ctx.paths.dockerfile ?? 'the Dockerfile', stages: stages.length > 0 ? stages.join(', ') : 'none named' },
          });
        }
      },
    };
  },
});
