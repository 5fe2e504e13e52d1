import { runtimeStageOf } from '../commands.js';
import { launchedProgram } from '../launchers.js';
import { defineRule } from '../rule.js';

export const pythonOutputBuffered = defineRule({
  id: 'PC113',
  name: 'python-output-buffered',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'info',
  docs: {
    summary: 'The runtime image runs Python without PYTHONUNBUFFERED, so print() output shows up late (or never) in `docker logs`.',
    why: 'Without a terminal, Python block-buffers stdout: log lines written with print() appear in `docker logs` only when 8 KB have accumulated, and are lost if the container is killed. `ENV PYTHONUNBUFFERED=1` (or `python -u`) writes them as they happen. pycrane recognises Python behind `uv run`, `poetry run`, `pdm run`, `pipenv run` and `hatch run`, console scripts in a virtualenv\'s bin (`/opt/venv/bin/app`, `.venv/bin/black`) or named in pyproject.toml, and the usual servers and workers (gunicorn, uvicorn, waitress-serve, hypercorn, granian, daphne, celery, `fastapi run`), on any base image (a CUDA or Debian image that runs Python buffers the same way). It reads every command of a shell-form CMD and of `sh -c "..."` (`alembic upgrade head && gunicorn app`), and a stage without CMD that keeps the server its base starts (tiangolo/uvicorn-gunicorn). A bare `python` (an interpreter waiting for input, as in `uv run python`) is not an application. It does not see Python started by a script (`CMD ["./start.sh"]`, unless it is named for its server: `gunicorn.sh`), nor PYTHONUNBUFFERED set by the base image or at `docker run`.',
    bad: { code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n' },
    good: { code: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nCOPY . /app\nCMD ["python", "/app/main.py"]\n' },
  },
  messages: { buffered: 'stdout of {{program}} is block-buffered without a terminal; add `ENV PYTHONUNBUFFERED=1` so logs appear as they are written.' },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const stage = runtimeStageOf(model);
        if (!stage) return;
        const launched = launchedProgram(model, stage, ctx.facts);
        if (!launched?.python) return;
        const { word: exe, program } = launched;
        const unbuffered = stage.finalScope.get('PYTHONUNBUFFERED');
        if (unbuffered && unbuffered.value !== '' && unbuffered.value !== '0') return;
        if (/^python/.test(program) && launched.rest.some((w) => /^-[A-Za-z]*u/.test(w.value) && !w.value.startsWith('--'))) return;
        ctx.report({ messageId: 'buffered', range: exe.range, data: { program } });
      },
    };
  },
});
