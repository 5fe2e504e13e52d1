import { runtimeStageOf } from '../commands.js';
import type { Word } from '../../dockerfile/shell.js';
import { basename, effectiveCommand } from '../analysis.js';
import { defineRule } from '../rule.js';

export const entrypointRunsNoApp = defineRule({
  id: 'PC111',
  name: 'entrypoint-runs-no-app',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The runtime command starts a bare interpreter or shell (`python`, `python --version`, `bash`) instead of the application.',
    why: '`ENTRYPOINT ["python"]` with `CMD ["--version"]` prints a version and exits; `python` alone opens a REPL that exits at once without a TTY. The container "works" in a quick test and does nothing in production. Run the app: its console script, `python -m package`, or a server such as gunicorn.',
    bad: { code: 'FROM python:3.12-slim\nCOPY . /app\nENTRYPOINT ["python"]\nCMD ["--version"]\n' },
    good: { code: 'FROM python:3.12-slim\nCOPY . /app\nENTRYPOINT ["python", "-m", "app"]\n' },
  },
  messages: { bare: 'the container runs `{{command}}`, which starts no application; run the app (its console script or `python -m <package>`).' },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const stage = runtimeStageOf(model);
        if (!stage) return;
        const run = effectiveCommand(stage);
        const exe = run?.argv[0] as Word | undefined;
        if (!run || !exe) return;
        const name = basename(exe.value);
        const args = run.argv.slice(1).map((w) => w.value);
        const py = /^python(\d+(\.\d+)?)?$/.test(name) && !args.some((a) => !a.startsWith('-') || a === '-m' || a === '-c' || a.startsWith('-m') || a.startsWith('-c'));
        const shell = ['sh', 'bash', 'dash', 'ash', 'zsh'].includes(name) && args.length === 0;
        if (!py && !shell) return;
        ctx.report({ messageId: 'bare', range: run.node.argsRange, data: { command: run.argv.map((w) => w.value).join(' ') } });
      },
    };
  },
});
