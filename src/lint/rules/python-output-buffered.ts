import type { Word } from '../../dockerfile/shell.js';
import { runtimeStageOf } from '../commands.js';
import { basename, effectiveCommand, isVenvPath, pythonMinorOf, venvPaths } from '../analysis.js';
import { defineRule } from '../rule.js';

const PY_PROGRAMS = /^(python[\d.]*|gunicorn|uvicorn|hypercorn|daphne|granian|waitress-serve|celery|flask|django-admin|streamlit|fastapi|dramatiq|rq|huey_consumer|alembic)$/;
/** Runners that start the program after them in the project's environment. */
const RUNNERS = new Set(['uv', 'poetry', 'pdm', 'pipenv', 'hatch', 'pipx', 'rye']);
/** Options of `uv run` (and friends) that take a value, so the program is not the next word. */
const RUNNER_VALUE_OPTIONS = new Set(['--with', '--with-requirements', '--python', '-p', '--group', '--extra', '--package', '--env-file', '--directory', '--project', '--index', '--spec', '-e', '--env']);

/** The program a runner starts: `uv run --frozen gunicorn` -> gunicorn; `hatch run prod:serve` -> serve. */
function throughRunner(argv: readonly Word[]): { word: Word; rest: readonly Word[] } | undefined {
  const first = argv[0];
  if (!first) return undefined;
  if (!RUNNERS.has(basename(first.value)) || argv[1]?.value !== 'run') return { word: first, rest: argv.slice(1) };
  for (let i = 2; i < argv.length; i++) {
    const w = argv[i] as Word;
    if (w.value === '--') return argv[i + 1] ? { word: argv[i + 1] as Word, rest: argv.slice(i + 2) } : undefined;
    if (w.value.startsWith('-')) {
      if (RUNNER_VALUE_OPTIONS.has(w.value)) i++;
      continue;
    }
    return { word: w, rest: argv.slice(i + 1) };
  }
  return undefined;
}

export const pythonOutputBuffered = defineRule({
  id: 'PC113',
  name: 'python-output-buffered',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'info',
  docs: {
    summary: 'The runtime image runs Python without PYTHONUNBUFFERED, so print() output shows up late (or never) in `docker logs`.',
    why: 'Without a terminal, Python block-buffers stdout: log lines written with print() appear in `docker logs` only when 8 KB have accumulated, and are lost if the container is killed. `ENV PYTHONUNBUFFERED=1` (or `python -u`) writes them as they happen. pycrane recognises Python behind `uv run`, `poetry run`, `pdm run`, `pipenv run` and `hatch run`, console scripts in a virtualenv\'s bin (`/opt/venv/bin/app`, `.venv/bin/black`) or named in pyproject.toml, and the usual servers (gunicorn, uvicorn, waitress-serve, hypercorn, granian, daphne, `fastapi run`).',
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
        const target = run ? throughRunner(run.argv) : undefined;
        if (!run || !target) return;
        const exe = target.word;
        const program = basename(exe.value);
        const dir = exe.value.includes('/') ? exe.value.slice(0, exe.value.lastIndexOf('/')) : '';
        const venvs = venvPaths(model, stage);
        const inVenvBin = dir.endsWith('/bin') || dir === 'bin' ? isVenvPath(dir.slice(0, -4)) || venvs.some((v) => `${v}/bin` === dir) : false;
        const scripts = new Set((ctx.facts?.scripts ?? []).map((s) => s.name));
        if (!PY_PROGRAMS.test(program) && !scripts.has(program) && !inVenvBin) return;
        const unbuffered = stage.finalScope.get('PYTHONUNBUFFERED');
        if (unbuffered && unbuffered.value !== '' && unbuffered.value !== '0') return;
        if (/^python/.test(program) && target.rest.some((w) => /^-[A-Za-z]*u/.test(w.value) && !w.value.startsWith('--'))) return;
        ctx.report({ messageId: 'buffered', range: exe.range, data: { program } });
      },
    };
  },
});
