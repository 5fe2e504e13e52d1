import { stageChain } from '../commands.js';
import { defineRule } from '../rule.js';
import { toolInstalls } from './build-tools-in-runtime.js';

export const buildToolsRepeated = defineRule({
  id: 'PC404',
  name: 'build-tools-repeated',
  kind: 'dockerfile',
  category: 'speed',
  defaultSeverity: 'info',
  docs: {
    summary: 'The same build tool (Poetry, pipx, uv, a compiler) is installed in several unrelated stages.',
    why: 'Each stage that installs Poetry or build-essential again spends the same minutes and cache space, and the copies can drift apart in version. Install the tools once in a builder stage and build the other stages `FROM builder` (or copy the tool in).',
    bad: { code: 'FROM python:3.12-slim AS deps\nRUN pip install --no-cache-dir poetry==1.8.3\nFROM python:3.12-slim AS dev\nRUN pip install --no-cache-dir poetry==1.8.3\n' },
    good: { code: 'FROM python:3.12-slim AS builder\nRUN pip install --no-cache-dir poetry==1.8.3\nFROM builder AS deps\nFROM builder AS dev\n' },
  },
  messages: { repeated: '{{tool}} is installed again here; stage {{first}} (line {{line}}) already installs it. Build this stage FROM a shared builder instead.' },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        // Per tool, the first install of each stage that installs it, in stage order: the earliest install
        // outside a stage's FROM chain is then found within chain-length + 1 steps (a list of every
        // install made 20,000 pip installs in one stage quadratic; found by the fuzzer).
        const seen = new Map<string, { stage: number; line: number }[]>();
        for (const stage of model.stages) {
          const chain = new Set(stageChain(model, stage).map((s) => s.index));
          const reportedHere = new Set<string>();
          for (const t of toolInstalls(stage.instructions)) {
            const prior = reportedHere.has(t.tool) ? undefined : (seen.get(t.tool) ?? []).find((p) => !chain.has(p.stage));
            if (prior && !reportedHere.has(t.tool)) {
              reportedHere.add(t.tool);
              const s = model.stages[prior.stage];
              ctx.report({ messageId: 'repeated', range: t.word.range, data: { tool: t.tool, first: s?.name ? `"${s.name}"` : `#${prior.stage}`, line: prior.line } });
            }
            const list = seen.get(t.tool) ?? [];
            if (list[list.length - 1]?.stage !== stage.index) list.push({ stage: stage.index, line: t.node.range.start.line + 1 });
            seen.set(t.tool, list);
          }
        }
      },
    };
  },
});
