import type { ExecNode } from '../../dockerfile/model.js';
import { defineRule } from '../rule.js';

export const shellFormCmd = defineRule({
  id: 'PC109',
  name: 'shell-form-cmd',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'warning',
  docs: {
    summary: 'CMD or ENTRYPOINT is written in shell form, so `/bin/sh -c` is PID 1 and the app never sees SIGTERM.',
    why: 'In shell form Docker runs `/bin/sh -c "<command>"`. The shell becomes PID 1 and does not forward signals, so `docker stop` waits its 10 s and then kills the app without a graceful shutdown (open requests and transactions are lost). A shell-form ENTRYPOINT also ignores CMD and `docker run` arguments. Use the JSON (exec) form.',
    bad: { code: 'FROM python:3.12-slim\nCMD gunicorn app:app --bind 0.0.0.0:8000\n' },
    good: { code: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app", "--bind", "0.0.0.0:8000"]\n' },
  },
  messages: { shellForm: '{{keyword}} in shell form runs under /bin/sh -c, which does not forward SIGTERM; use the exec form {{suggestion}}.' },
  create(ctx) {
    const check = (node: ExecNode) => {
      if (node.form !== 'shell' || node.argv.length === 0) return;
      // `CMD exec app` replaces the shell: the app is PID 1 and gets the signals.
      const first = node.script.commands[0];
      if (node.script.commands.length === 1 && first?.wrappers[0] === 'exec') return;
      const builtin = ['source', '.', 'export', 'cd', 'set', 'eval', 'trap'].includes(first?.name ?? '');
      const simple = !builtin && node.script.commands.length === 1 && !/[$&|;<>`]/.test(node.text.slice(node.keyword.length));
      const words = node.argv.map((w) => JSON.stringify(w.value));
      const suggestion = simple && words.length <= 6 ? `[${words.join(', ')}]` : '(or `exec` the last command of a script)';
      ctx.report({ messageId: 'shellForm', range: node.argsRange, data: { keyword: node.keyword, suggestion } });
    };
    return { CMD: check, ENTRYPOINT: check };
  },
});
