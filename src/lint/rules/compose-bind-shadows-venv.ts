import { venvPaths } from '../analysis.js';
import { composeServices, installsAtStart, modelForBuild, normalizePath, serviceBuild, serviceVolumes, targetStage, valueRange } from '../compose-model.js';
import { defineRule } from '../rule.js';

const inside = (p: string, dir: string) => p === dir || p.startsWith(dir === '/' ? '/' : `${dir}/`);

export const composeBindShadowsVenv = defineRule({
  id: 'PC703',
  name: 'compose-bind-shadows-venv',
  kind: 'compose',
  category: 'compose',
  defaultSeverity: 'error',
  docs: {
    summary: 'A bind mount hides the virtualenv the image built (e.g. `.:/app` while the venv is /app/.venv).',
    why: 'A bind mount replaces everything under its target with the host folder. When the image\'s virtualenv lives inside that folder, the container no longer sees it: it sees the host\'s `.venv` (built for another OS or Python, with dangling interpreter links) or nothing, and the app fails to import its dependencies. Put the venv outside the mounted folder (`ENV VIRTUAL_ENV=/opt/venv`, or `POETRY_VIRTUALENVS_IN_PROJECT=false`, `UV_PROJECT_ENVIRONMENT=/opt/venv`).',
    bad: {
      code: 'services:\n  dev:\n    build: .\n    volumes:\n      - .:/app\n',
      files: { dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nENV POETRY_VIRTUALENVS_IN_PROJECT=true\nRUN pip install poetry==2.1.2\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCMD ["sleep", "infinity"]\n' },
    },
    good: {
      code: 'services:\n  dev:\n    build: .\n    volumes:\n      - .:/app\n',
      files: { dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH\nRUN python -m venv /opt/venv\nCOPY requirements.txt ./\nRUN pip install -r requirements.txt\nCMD ["sleep", "infinity"]\n' },
    },
  },
  messages: {
    shadows: 'this bind mount over {{target}} hides the virtualenv the image built at {{venv}}; the container sees the host\'s folder instead. Move the venv out of {{target}} (e.g. /opt/venv).',
  },
  create(ctx) {
    return {
      done() {
        for (const svc of composeServices(ctx.compose)) {
          const build = serviceBuild(ctx.compose, svc);
          const model = modelForBuild(build, ctx.dockerfile, ctx.paths.dockerfile);
          const stage = model ? targetStage(model, build?.target) : undefined;
          // A command that installs at start recreates the venv inside the mount: it runs (at the cost of the host's .venv).
          if (!model || !stage || installsAtStart(svc)) continue;
          const venvs = [...new Set(venvPaths(model, stage).map(normalizePath))];
          const volumes = serviceVolumes(svc).map((v) => ({ ...v, target: normalizePath(v.target) }));
          for (const bind of volumes) {
            if (bind.type !== 'bind') continue;
            for (const venv of venvs) {
              if (!inside(venv, bind.target)) continue;
              // Another mount nearer to the venv (a volume over it) wins over this bind mount.
              const covered = volumes.some((o) => o !== bind && o.target.length > bind.target.length && inside(venv, o.target));
              if (covered) continue;
              ctx.report({ messageId: 'shadows', range: valueRange(ctx.compose, bind.reportPath), data: { target: bind.target, venv } });
              break;
            }
          }
        }
      },
    };
  },
});
