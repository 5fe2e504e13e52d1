import { venvPaths } from '../analysis.js';
import { composeServices, installsAtStart, modelForBuild, normalizePath, serviceBuild, serviceVolumes, targetStage, valueRange } from '../compose-model.js';
import { defineRule } from '../rule.js';

/** Paths that hold a virtualenv or installed packages. */
const VENV_TARGET = /(^|\/)(\.venv|venv|\.virtualenvs?)$|(^|\/)site-packages$|^\/opt\/venv$|(^|\/)pypoetry\/virtualenvs$/;

export const composeVenvVolume = defineRule({
  id: 'PC702',
  name: 'compose-venv-volume',
  kind: 'compose',
  category: 'compose',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A named or anonymous volume is mounted over the virtualenv; it goes stale when the lock file changes.',
    why: 'Docker seeds a volume from the image only when the volume is created. After that it keeps its old contents through every `docker compose build`, so a dependency added to the lock file never reaches the container and imports fail with ModuleNotFoundError until someone runs `docker compose down -v` (which also wipes database volumes). Keep the venv in the image outside the mounted source (e.g. `/opt/venv`) and drop the volume, or sync it on every start (`command: sh -c "uv sync --locked && exec ..."`).',
    bad: { code: 'services:\n  dev:\n    build: .\n    volumes:\n      - .:/app\n      - venv:/app/.venv\nvolumes:\n  venv:\n' },
    good: { code: 'services:\n  dev:\n    build: .\n    volumes:\n      - .:/app\n' },
  },
  messages: {
    stale: 'a {{kind}} volume over the virtualenv at {{target}} keeps its first contents: after a lock change the container still has the old packages. Keep the venv in the image (e.g. /opt/venv) instead.',
  },
  create(ctx) {
    return {
      done() {
        for (const svc of composeServices(ctx.compose)) {
          // `uv sync && ...` on every start refreshes the volume: the pattern the uv and Poetry docs suggest.
          if (installsAtStart(svc)) continue;
          const build = serviceBuild(ctx.compose, svc);
          const model = modelForBuild(build, ctx.dockerfile, ctx.paths.dockerfile);
          const stage = model ? targetStage(model, build?.target) : undefined;
          const known = model && stage ? venvPaths(model, stage).map(normalizePath) : [];
          for (const v of serviceVolumes(svc)) {
            if (v.type !== 'volume') continue;
            const target = normalizePath(v.target);
            if (!VENV_TARGET.test(target) && !known.includes(target)) continue;
            ctx.report({ messageId: 'stale', range: valueRange(ctx.compose, v.reportPath), data: { kind: v.source ? `named ("${v.source}")` : 'anonymous', target } });
          }
        }
      },
    };
  },
});
