import { aptInstallPackages, chainInstructions, runtimeStageOf } from '../commands.js';
import { defineRule } from '../rule.js';

const INSTALLERS = new Set(['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper']);

export const sudoInRuntime = defineRule({
  id: 'PC203',
  name: 'sudo-in-runtime',
  kind: 'dockerfile',
  category: 'security',
  defaultSeverity: 'warning',
  docs: {
    summary: 'sudo is installed or configured in the runtime stage.',
    why: 'sudo in a production image turns any code execution as the app user into root (often passwordless: `NOPASSWD:ALL`), which undoes the point of a non-root USER. Keep sudo in the dev target only; run root steps as `USER root` RUNs during the build.',
    bad: { code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends sudo && rm -rf /var/lib/apt/lists/*\nUSER 10001\n' },
    good: { code: 'FROM python:3.12-slim AS app\nUSER 10001\nFROM app AS dev\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends sudo && rm -rf /var/lib/apt/lists/*\n' },
  },
  messages: {
    installed: 'sudo is installed in the runtime image (stage {{stage}}); keep it in the dev target.',
    sudoers: 'the runtime image (stage {{stage}}) gets a sudoers entry; keep it in the dev target.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const runtime = runtimeStageOf(model);
        if (!runtime) return;
        for (const node of chainInstructions(model, runtime)) {
          const stage = model.stages[node.stageIndex];
          const label = stage?.name ? `"${stage.name}"` : `#${node.stageIndex}`;
          if (node.kind === 'copy' && node.destPath?.startsWith('/etc/sudoers')) ctx.report({ messageId: 'sudoers', range: node.range, data: { stage: label } });
          if (node.kind !== 'run') continue;
          for (const cmd of node.script.commands) {
            let pkgs = aptInstallPackages(cmd);
            if (!pkgs && INSTALLERS.has(cmd.name) && cmd.argv.some((w) => ['add', 'install'].includes(w.value))) pkgs = cmd.argv.slice(2).filter((w) => !w.value.startsWith('-'));
            const sudo = pkgs?.find((w) => w.value === 'sudo');
            if (sudo) ctx.report({ messageId: 'installed', range: sudo.range, data: { stage: label } });
            const target = cmd.argv.find((w) => /\/etc\/sudoers/.test(w.value));
            if (target) ctx.report({ messageId: 'sudoers', range: target.range, data: { stage: label } });
          }
          if (/>>?\s*\/etc\/sudoers/.test(node.text) && !node.script.commands.some((c) => c.argv.some((w) => /\/etc\/sudoers/.test(w.value)))) {
            ctx.report({ messageId: 'sudoers', range: node.argsRange, data: { stage: label } });
          }
        }
      },
    };
  },
});
