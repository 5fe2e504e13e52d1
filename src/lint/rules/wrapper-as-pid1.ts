import type { ExecNode, Stage } from '../../dockerfile/model.js';
import { isCommandStringOption, type Word } from '../../dockerfile/shell.js';
import { defineRule } from '../rule.js';

const RUNNERS: Readonly<Record<string, string>> = { poetry: 'poetry run', uv: 'uv run', pipenv: 'pipenv run', pdm: 'pdm run', hatch: 'hatch run', pipx: 'pipx run', rye: 'rye run' };
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh']);

export const wrapperAsPid1 = defineRule({
  id: 'PC110',
  name: 'wrapper-as-pid1',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The runtime command starts through `poetry run`, `uv run`, `pdm run`, `pipenv run`, `hatch run`, `pipx run` or `sh -c`, which stays PID 1 between Docker and the app.',
    why: '`poetry run app` and `uv run app` start the app as a child process and may re-resolve or sync the environment at every start; as PID 1 they do not pass SIGTERM on reliably, so `docker stop` ends with a SIGKILL after the timeout. `sh -c "a && b"` has the same problem. A runner anywhere in a shell-form command (`CMD migrate && uv run app`) is reported too; the shell form itself is PC109 shell-form-cmd. It cannot see into a script the command runs (`CMD ./start.sh`). Put the virtualenv on PATH and run its console script directly, or `exec` the last command.',
    bad: { code: 'FROM python:3.12-slim\nENV PATH=/opt/venv/bin:$PATH\nCMD ["poetry", "run", "uvicorn", "app.main:app"]\n' },
    good: { code: 'FROM python:3.12-slim\nENV PATH=/opt/venv/bin:$PATH\nCMD ["uvicorn", "app.main:app"]\n' },
  },
  messages: {
    runner: '`{{runner}}` stays PID 1 and does not forward signals reliably; run the program from the virtualenv directly (e.g. ["{{program}}", ...]).',
    shell: '`{{shell}} -c` without `exec` keeps the shell as PID 1; start the last command with `exec`, or use the exec form without a shell.',
  },
  create(ctx) {
    const check = (node: ExecNode, stage: Stage) => {
      if (stage.isDev || node.argv.length === 0) return;
      // CMD only gives arguments to an ENTRYPOINT (tini, a script that execs them).
      if (node.keyword === 'CMD' && stage.entrypoint) return;
      let argv: readonly Word[] = node.argv;
      if (node.form === 'shell') {
        // A shell-form list keeps /bin/sh as PID 1: PC109 shell-form-cmd reports that. Here: a runner
        // anywhere in it (`... && uv run app`) is one more process between Docker and the app.
        const commands = node.script.commands.filter((cmd) => !cmd.nested);
        argv = commands.find((cmd) => RUNNERS[cmd.name] !== undefined && cmd.argv[1]?.value === 'run')?.argv ?? commands[0]?.argv ?? [];
      }
      const name = (w: Word | undefined) => (w?.value ?? '').split('/').pop() ?? '';
      if (['tini', 'dumb-init', 'catatonit'].includes(name(argv[0]))) return;
      const first = name(argv[0]);
      const runner = RUNNERS[first];
      if (runner && argv[1]?.value === 'run') {
        const program = argv.slice(2).find((w) => !w.value.startsWith('-'))?.value ?? 'app';
        ctx.report({ messageId: 'runner', range: { start: (argv[0] as Word).range.start, end: (argv[1] as Word).range.end }, data: { runner, program } });
        return;
      }
      if (node.form === 'exec' && SHELLS.has(first)) {
        const c = argv.findIndex((w, i) => i > 0 && isCommandStringOption(w.value));
        const script = argv[c + 1];
        if (c === -1 || !script) return;
        const inner = node.script.commands.filter((cmd) => cmd.nested);
        const simpleExec = /^\s*exec\s/.test(script.value) || (inner.length === 1 && inner[0]?.wrappers.includes('exec'));
        if (inner.length <= 1 && !/[;&|]/.test(script.value)) return; // one command: most shells exec it directly
        if (simpleExec || /(^|[;&|]\s*)exec\s/.test(script.value)) return;
        ctx.report({ messageId: 'shell', range: { start: (argv[0] as Word).range.start, end: script.range.end }, data: { shell: first } });
      }
    };
    return { CMD: check, ENTRYPOINT: check };
  },
});
