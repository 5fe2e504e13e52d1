import { defineRule } from '../rule.js';

export const copyFromUnknownStage = defineRule({
  id: 'PC106',
  name: 'copy-from-unknown-stage',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'error',
  docs: {
    summary: '`COPY --from` (or `RUN --mount=from=`) names a stage that does not exist before it.',
    why: 'BuildKit resolves `--from=name` against the stages defined earlier in the file; anything else is taken as an image name and pulled from a registry. A typo (`--from=biulder`), a stage defined later, or a stage index out of range fails the build with a confusing "pull access denied", or worse, copies from an unrelated public image.',
    bad: { code: 'FROM python:3.12-slim AS builder\nRUN python -m venv /opt/venv\nFROM python:3.12-slim AS app\nCOPY --from=buidler /opt/venv /opt/venv\n' },
    good: { code: 'FROM python:3.12-slim AS builder\nRUN python -m venv /opt/venv\nFROM python:3.12-slim AS app\nCOPY --from=builder /opt/venv /opt/venv\n' },
  },
  messages: {
    'unknown-name': '--from={{from}} is not a stage of this Dockerfile (stages before it: {{stages}}); BuildKit will try to pull an image called "{{from}}".',
    'later-stage': '--from={{from}} names a stage defined later in the file; only earlier stages can be copied from.',
    self: '--from={{from}} names the stage it is in.',
    index: '--from={{from}}: there is no earlier stage with that index.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    const earlier = (index: number) =>
      model.stages
        .slice(0, index)
        .map((s) => s.name ?? String(s.index))
        .join(', ') || 'none';
    return {
      COPY(node, stage) {
        if (node.fromRef?.kind === 'unknown' && node.fromRange) {
          ctx.report({ messageId: node.fromRef.reason, range: node.fromRange, data: { from: node.from ?? '', stages: earlier(stage.index) } });
        }
      },
      RUN(node, stage) {
        for (const m of node.mounts) {
          if (m.from === undefined || /[/:@.$]/.test(m.from)) continue;
          const lower = m.from.toLowerCase();
          const known = /^\d+$/.test(lower) ? Number(lower) < stage.index : model.stages.slice(0, stage.index).some((s) => s.name === lower);
          if (!known && !['alpine', 'busybox', 'debian', 'ubuntu', 'python', 'scratch'].includes(lower)) {
            const later = model.stages.slice(stage.index).some((s) => s.name === lower);
            ctx.report({ messageId: later ? 'later-stage' : 'unknown-name', range: m.range, data: { from: m.from, stages: earlier(stage.index) } });
          }
        }
      },
    };
  },
});
