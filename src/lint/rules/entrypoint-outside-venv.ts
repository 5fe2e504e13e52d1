import { runtimeStageOf } from '../commands.js';
import type { Word } from '../../dockerfile/shell.js';
import { basename, effectiveCommand, pathEntries, SYSTEM_BIN_DIRS, venvPaths } from '../analysis.js';
import { defineRule } from '../rule.js';

const PY = /^python(\d+(\.\d+)?)?$/;
const TOOLS = new Set(['gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'granian', 'celery', 'flask', 'django-admin', 'streamlit', 'fastapi', 'waitress-serve', 'dramatiq', 'rq', 'huey_consumer', 'alembic']);

export const entrypointOutsideVenv = defineRule({
  id: 'PC108',
  name: 'entrypoint-outside-venv',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'error',
  docs: {
    summary: 'The runtime stage has a virtualenv, but its command runs the system Python or a program the PATH cannot find.',
    why: 'Dependencies live in the virtualenv. `CMD ["/usr/local/bin/python", "-m", "app"]`, or `python` when the venv\'s bin directory is not first on PATH, starts the base image\'s interpreter, which has none of them: the container dies with ModuleNotFoundError. A console script such as `gunicorn` is only found when the venv is on PATH. Put `<venv>/bin` first on PATH, or call `<venv>/bin/<program>`.',
    bad: { code: 'FROM python:3.12-slim AS build\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\nCOPY . /app\nCMD ["python", "-m", "app"]\n' },
    good: { code: 'FROM python:3.12-slim AS build\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nCOPY . /app\nCMD ["python", "-m", "app"]\n' },
  },
  messages: {
    systemPython: '{{program}} is the base image\'s Python, not the virtualenv at {{venv}}, so the installed dependencies are missing; use {{venv}}/bin/python or put {{venv}}/bin first on PATH.',
    notOnPath: '{{program}} is installed in the virtualenv at {{venv}}, which is not on PATH; use {{venv}}/bin/{{program}} or add {{venv}}/bin to PATH.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    const scripts = new Set((ctx.facts?.scripts ?? []).map((s) => s.name));
    return {
      done() {
        const stage = runtimeStageOf(model);
        if (!stage) return;
        const venvs = venvPaths(model, stage);
        const venv = venvs[0];
        const run = effectiveCommand(stage);
        const exe = run?.argv[0] as Word | undefined;
        if (!venv || !run || !exe || exe.value.includes('$')) return;
        const name = basename(exe.value);
        const inVenv = (p: string) => venvs.some((v) => p.startsWith(`${v}/`));
        const isPythonThing = PY.test(name) || TOOLS.has(name) || scripts.has(name);
        if (!isPythonThing) return;
        if (exe.value.startsWith('/')) {
          if (inVenv(exe.value)) return;
          if (SYSTEM_BIN_DIRS.some((d) => exe.value.startsWith(`${d}/`))) {
            ctx.report({ messageId: PY.test(name) ? 'systemPython' : 'notOnPath', range: exe.range, data: { program: exe.value, venv } });
          }
          return;
        }
        const path = pathEntries(stage);
        const venvBins = new Set(venvs.map((v) => `${v}/bin`));
        const firstVenv = path.findIndex((e) => venvBins.has(e));
        if (PY.test(name)) {
          const firstSystem = path.findIndex((e) => SYSTEM_BIN_DIRS.includes(e));
          if (firstVenv === -1 || (firstSystem !== -1 && firstSystem < firstVenv)) {
            ctx.report({ messageId: 'systemPython', range: exe.range, data: { program: name, venv } });
          }
        } else if (firstVenv === -1) {
          ctx.report({ messageId: 'notOnPath', range: exe.range, data: { program: name, venv } });
        }
      },
    };
  },
});
