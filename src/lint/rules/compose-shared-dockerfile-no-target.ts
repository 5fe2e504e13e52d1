import type { DockerfileModel } from '../../dockerfile/model.js';
import { composeServices, keyRange, modelForBuild, serviceBuild, type ComposeService, type ServiceBuild } from '../compose-model.js';
import { defineRule } from '../rule.js';

/** Stages nothing else builds on or copies from: the candidates for `target`. */
function leafStages(model: DockerfileModel): number {
  const used = new Set<number>();
  for (const s of model.stages) {
    if (s.baseStage !== undefined) used.add(s.baseStage);
    for (const n of s.instructions) if (n.kind === 'copy' && n.fromRef?.kind === 'stage') used.add(n.fromRef.index);
  }
  return model.stages.filter((s) => !used.has(s.index)).length;
}

export const composeSharedDockerfileNoTarget = defineRule({
  id: 'PC707',
  name: 'compose-shared-dockerfile-no-target',
  kind: 'compose',
  category: 'compose',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Several services build the same multi-stage Dockerfile, and one of them sets no `target:`.',
    why: 'Without `target:` Compose builds the last stage of the Dockerfile. When services share a multi-stage Dockerfile and some pick their stage while another does not, that one silently gets whatever stage happens to be last (often `dev` or a test stage), and moving a stage changes what it runs. Name the stage every service builds.',
    bad: { code: 'services:\n  app:\n    build:\n      context: .\n      target: app\n  dev:\n    build:\n      context: .\n' },
    good: { code: 'services:\n  app:\n    build:\n      context: .\n      target: app\n  dev:\n    build:\n      context: .\n      target: dev\n' },
  },
  messages: {
    noTarget: 'service "{{service}}" builds {{dockerfile}} like {{others}} but sets no target, so it gets the last stage{{last}}; set `target:`.',
  },
  create(ctx) {
    return {
      done() {
        const groups = new Map<string, { svc: ComposeService; build: ServiceBuild }[]>();
        for (const svc of composeServices(ctx.compose)) {
          const build = serviceBuild(ctx.compose, svc);
          if (!build?.dockerfilePath) continue;
          const list = groups.get(build.dockerfilePath) ?? [];
          list.push({ svc, build });
          groups.set(build.dockerfilePath, list);
        }
        for (const [dockerfile, list] of groups) {
          if (list.length < 2) continue;
          const untargeted = list.filter((x) => x.build.target === undefined);
          if (untargeted.length === 0) continue;
          const model = modelForBuild(list[0]?.build, ctx.dockerfile, ctx.paths.dockerfile);
          // All without a target: fine unless the Dockerfile (when known) offers several final stages.
          if (untargeted.length === list.length && !(model && leafStages(model) >= 2)) continue;
          const lastStage = model?.stages[model.stages.length - 1];
          // The last stage is what another service targets anyway (and not a dev stage): same image, no surprise.
          const targets = new Set(list.map((x) => x.build.target?.toLowerCase()).filter((t) => t !== undefined));
          if (lastStage?.name && targets.has(lastStage.name) && !lastStage.isDev) continue;
          for (const { svc } of untargeted) {
            const others = list.filter((x) => x.svc !== svc).map((x) => `"${x.svc.name}"`).join(', ');
            ctx.report({
              messageId: 'noTarget',
              range: keyRange(ctx.compose, [...svc.path, 'build']),
              data: { service: svc.name, dockerfile, others, last: lastStage?.name ? ` "${lastStage.name}"` : '' },
            });
          }
        }
      },
    };
  },
});
