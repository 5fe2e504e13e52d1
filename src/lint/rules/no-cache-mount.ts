import { classifyInstall, headRange } from '../analysis.js';
import { defineRule } from '../rule.js';

export const noCacheMount = defineRule({
  id: 'PC402',
  name: 'no-cache-mount',
  kind: 'dockerfile',
  category: 'speed',
  defaultSeverity: 'info',
  docs: {
    summary: 'A dependency install runs without a BuildKit cache mount, so every rebuild downloads every package again.',
    why: 'When the lock changes, the install layer is rebuilt from nothing: without a cache mount pip, uv and Poetry download every wheel again (minutes on a big project, and traffic on your index). `RUN --mount=type=cache,target=/root/.cache/pip` (uv: /root/.cache/uv, Poetry: /root/.cache/pypoetry) keeps the downloads between builds without putting them in the image.',
    bad: { code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    good: { code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n' },
  },
  messages: { noMount: '`{{command}}` runs without a cache mount; add `--mount=type=cache,target={{target}}` so rebuilds reuse downloads.' },
  create(ctx) {
    const TARGET: Record<string, string> = { pip: '/root/.cache/pip', 'uv-pip': '/root/.cache/uv', uv: '/root/.cache/uv', poetry: '/root/.cache/pypoetry', pdm: '/root/.cache/pdm', pipenv: '/root/.cache/pipenv' };
    return {
      RUN(node) {
        if (node.mounts.some((m) => m.type === 'cache')) return;
        for (const cmd of node.script.commands) {
          const inst = classifyInstall(cmd);
          if (!inst?.dependencies) continue;
          const target = TARGET[inst.tool];
          if (!target) continue;
          ctx.report({ messageId: 'noMount', range: headRange(cmd), data: { command: cmd.argv.slice(0, 2).map((w) => w.value).join(' '), target } });
          return;
        }
      },
    };
  },
});
