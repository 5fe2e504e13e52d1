import { aptInstallPackages, chainInstructions, hasOption, runtimeStageOf } from '../commands.js';
import { defineRule } from '../rule.js';

export const aptRecommends = defineRule({
  id: 'PC303',
  name: 'apt-recommends',
  kind: 'dockerfile',
  category: 'size',
  defaultSeverity: 'info',
  docs: {
    summary: '`apt-get install` in the runtime image without `--no-install-recommends`.',
    why: 'Debian installs "recommended" packages by default; for a server image that is often more than the package itself (documentation, X11 libraries, compilers pulled in by -dev packages). `--no-install-recommends` keeps the image to what you asked for.',
    bad: { code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*\n' },
    good: { code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n' },
  },
  messages: { recommends: '`{{command}} install` without --no-install-recommends pulls in recommended packages too.' },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const runtime = runtimeStageOf(model);
        if (!runtime) return;
        const nodes = chainInstructions(model, runtime);
        if (nodes.some((n) => /Install-Recommends/i.test(n.text) && !/APT::Install-Recommends=(true|1)/i.test(n.text) && n.kind !== 'run')) return;
        for (const node of nodes) {
          if (node.kind !== 'run') continue;
          for (const cmd of node.script.commands) {
            if (cmd.name !== 'apt-get' && cmd.name !== 'apt') continue;
            if (!aptInstallPackages(cmd)?.length) continue;
            if (hasOption(cmd, ['--no-install-recommends'])) continue;
            if (cmd.argv.some((w) => /Install-Recommends=(false|0|no)/i.test(w.value))) continue;
            if (/APT::Install-Recommends\s*"?(false|0)/i.test(node.text)) continue;
            const install = cmd.argv.find((w) => w.value === 'install');
            ctx.report({ messageId: 'recommends', range: { start: (cmd.argv[0] ?? cmd.words[0])!.range.start, end: (install ?? cmd.argv[0])!.range.end }, data: { command: cmd.name } });
          }
        }
      },
    };
  },
});
