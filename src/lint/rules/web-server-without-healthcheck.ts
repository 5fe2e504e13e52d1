import { chainInstructions, runtimeStageOf } from '../commands.js';
import { composeServices, modelForBuild, serviceBuild } from '../compose-model.js';
import { launchedProgram } from '../launchers.js';
import { defineRule } from '../rule.js';

export const webServerWithoutHealthcheck = defineRule({
  id: 'PC114',
  name: 'web-server-without-healthcheck',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'info',
  docs: {
    summary: 'The runtime image starts a web server but has no HEALTHCHECK (nor does the compose service that builds it).',
    why: 'Without a health check, Docker and Compose call a container healthy as soon as its process runs: a server stuck at startup, deadlocked or out of workers keeps receiving traffic, `depends_on: condition: service_healthy` cannot wait for it, and Swarm never replaces it. A HEALTHCHECK that requests a cheap endpoint fixes that; slim images have no curl, so probe with Python: `HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\', timeout=3)"]`. Kubernetes ignores HEALTHCHECK and uses its own probes: silence this rule there.\n\nWhat pycrane can see: the ENTRYPOINT/CMD of the runtime stage (every command of a shell-form one and of `sh -c "..."`, so `python manage.py migrate && gunicorn app.wsgi` counts), or the server a base image starts when the stage keeps its command (tiangolo/uvicorn-gunicorn), through `uv run`/`poetry run`/`pdm run`/`pipenv run`/`hatch run`, tini or dumb-init and `python -m`: gunicorn, uvicorn, hypercorn, daphne, granian, waitress-serve, uwsgi, `fastapi run`, `flask run`, `streamlit run`, `manage.py runserver`; or an EXPOSE with a Python program (python, a console script in a virtualenv). A HEALTHCHECK in the runtime stage or a stage it is built FROM (`HEALTHCHECK NONE` included: that is a decision), or a `healthcheck:` on a compose service that builds this Dockerfile, silences it. A server started by a shell script is seen only when the script is named for it (`gunicorn.sh`, `gunicorn_start`); `CMD ["./start.sh"]` is not read.',
    bad: { code: 'FROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n' },
    good: {
      code: 'FROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\nHEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\', timeout=3)"]\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n',
    },
  },
  messages: {
    server: 'the runtime image starts {{server}} but has no HEALTHCHECK: Docker calls it healthy while it cannot answer; add a HEALTHCHECK that requests the app.',
    exposed: 'the runtime image serves port {{port}} with {{program}} but has no HEALTHCHECK: Docker calls it healthy while it cannot answer; add a HEALTHCHECK that requests the app.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const stage = runtimeStageOf(model);
        if (!stage) return;
        const nodes = chainInstructions(model, stage);
        if (nodes.some((n) => n.keyword === 'HEALTHCHECK')) return;
        const launched = launchedProgram(model, stage, ctx.facts);
        if (!launched) return;
        const compose = ctx.compose;
        if (compose) {
          for (const svc of composeServices(compose)) {
            if (svc.value.healthcheck !== undefined && modelForBuild(serviceBuild(compose, svc), model, ctx.paths.dockerfile) !== undefined) return;
          }
        }
        if (launched.server) {
          ctx.report({ messageId: 'server', range: launched.word.range, data: { server: launched.server } });
          return;
        }
        const expose = nodes.find((n) => n.keyword === 'EXPOSE');
        if (expose && launched.python) {
          const port = expose.text.replace(/^\s*EXPOSE\s+/i, '').trim().split(/\s+/)[0] ?? '';
          ctx.report({ messageId: 'exposed', range: launched.word.range, data: { port, program: launched.program } });
        }
      },
    };
  },
});
