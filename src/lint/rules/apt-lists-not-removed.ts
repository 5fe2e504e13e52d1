import { chainInstructions, runtimeStageOf } from '../commands.js';
import { defineRule } from '../rule.js';

export const aptListsNotRemoved = defineRule({
  id: 'PC302',
  name: 'apt-lists-not-removed',
  kind: 'dockerfile',
  category: 'size',
  defaultSeverity: 'info',
  docs: {
    summary: '`apt-get update` leaves the package lists in the runtime image.',
    why: 'The lists under /var/lib/apt/lists are 20-50 MB that nothing uses at runtime, and stale lists make a later `apt-get install` in a derived image fail. Remove them in the same RUN (`&& rm -rf /var/lib/apt/lists/*`), or keep them out of the layer with a cache mount.',
    bad: { code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\n' },
    good: { code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n' },
  },
  messages: { lists: 'this RUN runs `apt-get update` but does not remove /var/lib/apt/lists; add `&& rm -rf /var/lib/apt/lists/*`.' },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const runtime = runtimeStageOf(model);
        if (!runtime) return;
        for (const node of chainInstructions(model, runtime)) {
          if (node.kind !== 'run') continue;
          const update = node.script.commands.find((c) => (c.name === 'apt-get' || c.name === 'apt') && c.argv.some((w) => w.value === 'update'));
          if (!update) continue;
          if (node.mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && /^\/var\/lib\/apt(\/lists)?\/?$/.test(m.target ?? ''))) continue;
          if (/\/var\/lib\/apt\/lists|\/var\/lib\/apt\/?(\s|$|\*)/.test(node.text) && /\brm\b/.test(node.text)) continue;
          ctx.report({ messageId: 'lists', range: { start: (update.argv[0] ?? update.words[0])!.range.start, end: update.range.end } });
        }
      },
    };
  },
});
