import { runtimeStageOf } from '../commands.js';
import { basename, effectiveCommand, pythonMinorOf } from '../analysis.js';
import { defineRule } from '../rule.js';

const PY_PROGRAMS = /^(python[\d.]*|gunicorn|uvicorn|hypercorn|daphne|granian|celery|flask|django-admin|streamlit|fastapi|dramatiq|rq)$/;

export const pythonOutputBuffered = defineRule({
  id: 'PC113',
  name: 'python-output-buffered',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'info',
  docs: {
    summary: 'The runtime image runs Python without PYTHONUNBUFFERED, so print() output shows up late (or never) in `docker logs`.',
    why: 'Without a terminal, Python block-buffers stdout: log lines written with print() appear in `docker logs` only when 8 KB have accumulated, and are lost if the container is killed. `ENV PYTHONUNBUFFERED=1` (or `python -u`) writes them as they happen.',
    bad: { code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n' },
    good: { code: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nCOPY . /app\nCMD ["python", "/app/main.py"]\n' },
  },
  messages: { buffered: 'stdout of {{program}} is block-buffered without a terminal; add `ENV PYTHONUNBUFFERED=1` so logs appear as they are written.' },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const stage = runtimeStageOf(model);
        if (!stage || !pythonMinorOf(stage.rootFrom)) return;
        const run = effectiveCommand(stage);
        const exe = run?.argv[0];
        if (!run || !exe) return;
        const program = basename(exe.value);
        const scripts = new Set((ctx.facts?.scripts ?? []).map((s) => s.name));
        if (!PY_PROGRAMS.test(program) && !scripts.has(program)) return;
        const unbuffered = stage.finalScope.get('PYTHONUNBUFFERED');
        if (unbuffered && unbuffered.value !== '' && unbuffered.value !== '0') return;
        if (/^python/.test(program) && run.argv.slice(1).some((w) => /^-[A-Za-z]*u/.test(w.value) && !w.value.startsWith('--'))) return;
        ctx.report({ messageId: 'buffered', range: exe.range, data: { program } });
      },
    };
  },
});
