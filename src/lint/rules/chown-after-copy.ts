import { resolvePath } from '../../dockerfile/parse.js';
import type { CopyNode } from '../../dockerfile/model.js';
import { hasOption } from '../commands.js';
import { defineRule } from '../rule.js';

export const chownAfterCopy = defineRule({
  id: 'PC403',
  name: 'chown-after-copy',
  kind: 'dockerfile',
  category: 'speed',
  defaultSeverity: 'warning',
  docs: {
    summary: '`RUN chown -R` on files an earlier COPY put there duplicates them in a new layer.',
    why: 'A layer stores every file whose metadata changed, so `COPY . /app` followed by `RUN chown -R app /app` stores the whole tree twice: the image grows by the size of the app or venv (GBs for ML stacks) and the build spends minutes copying. `COPY --chown=10001:10001` (also with `--from=`) sets the owner in the same layer.',
    bad: { code: 'FROM python:3.12-slim\nCOPY . /app\nRUN chown -R 10001:10001 /app\nUSER 10001\n' },
    good: { code: 'FROM python:3.12-slim\nCOPY --chown=10001:10001 . /app\nUSER 10001\n' },
  },
  messages: { chown: '`chown -R {{path}}` rewrites files copied on line {{line}} into a new layer, duplicating them; use `COPY --chown=...` there instead.' },
  create(ctx) {
    const copies: CopyNode[] = [];
    return {
      stage() {
        copies.length = 0;
      },
      COPY(node) {
        copies.push(node);
      },
      ADD(node) {
        copies.push(node);
      },
      RUN(node) {
        for (const cmd of node.script.commands) {
          if (cmd.name !== 'chown' || !hasOption(cmd, ['--recursive'], 'R')) continue;
          const args = cmd.argv.slice(1).filter((w) => !w.value.startsWith('-'));
          for (const target of args.slice(1)) {
            const p = resolvePath(node.workdir, node.scope.expand(target.value).value).replace(/(.)\/$/, '$1');
            const copy = copies.find((c) => {
              const d = c.destPath?.replace(/(.)\/$/, '$1');
              return d !== undefined && (d === p || d.startsWith(`${p}/`) || p.startsWith(`${d}/`));
            });
            if (!copy) continue;
            ctx.report({ messageId: 'chown', range: { start: (cmd.argv[0] ?? target).range.start, end: target.range.end }, data: { path: target.value, line: copy.range.start.line + 1 } });
          }
        }
      },
    };
  },
});
