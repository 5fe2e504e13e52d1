import { runtimeStageOf } from '../commands.js';
import { hasAppCode, venvCopies } from '../analysis.js';
import { defineRule } from '../rule.js';

export const runtimeWithoutApp = defineRule({
  id: 'PC103',
  name: 'runtime-without-app',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'error',
  docs: {
    summary: 'The runtime stage copies a virtualenv from a build stage but never gets the application code.',
    why: 'A multi-stage build that installs only the dependencies (`poetry install --no-root`, `uv sync --no-install-project`) and then copies the venv into the runtime stage ships an image in which the app itself is missing: `import myapp` fails and the console script does not exist. Install the project into the venv in the build stage (non-editable), or copy the source into the runtime stage.',
    bad: {
      code: 'FROM python:3.12-slim AS deps\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN python -m venv /opt/venv && pip install --no-cache-dir poetry==1.8.3 && poetry install --no-root --only main\nFROM python:3.12-slim AS app\nCOPY --from=deps /opt/venv /opt/venv\nCMD ["/opt/venv/bin/python", "-m", "myapp"]\n',
    },
    good: {
      code: 'FROM python:3.12-slim AS deps\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN python -m venv /opt/venv && pip install --no-cache-dir poetry==1.8.3 && poetry install --no-root --only main\nFROM python:3.12-slim AS app\nCOPY --from=deps /opt/venv /opt/venv\nCOPY src/ /app/src/\nCMD ["/opt/venv/bin/python", "-m", "myapp"]\n',
    },
  },
  messages: {
    noApp: 'stage {{stage}} copies the virtualenv from {{from}}, but neither it nor any stage it copies from gets the application code; install the project into the venv (non-editable) or copy the source.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const stage = runtimeStageOf(model);
        if (!stage) return;
        const copies = venvCopies(model, stage);
        const first = copies[0];
        if (!first || hasAppCode(model, stage)) return;
        ctx.report({
          messageId: 'noApp',
          range: first.node.range,
          data: { stage: stage.name ? `"${stage.name}"` : `#${stage.index}`, from: first.from.name ? `"${first.from.name}"` : `#${first.from.index}` },
        });
      },
    };
  },
});
