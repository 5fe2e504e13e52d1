import type { Stage } from '../../dockerfile/model.js';
import { classifyInstall, headRange, venvCopies } from '../analysis.js';
import { chainInstructions, runtimeStageOf } from '../commands.js';
import { resolvePath } from '../../dockerfile/parse.js';
import { defineRule } from '../rule.js';

export const editableInstallInRuntime = defineRule({
  id: 'PC105',
  name: 'editable-install-in-runtime',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'error',
  docs: {
    summary: 'A virtualenv with the project installed in editable mode is copied into the runtime stage.',
    why: 'An editable install (`pip install -e .`, `poetry install` without `--no-root`, `uv sync` without `--no-editable`, `pdm install`) does not copy the package into site-packages; it writes a `.pth` file pointing at the build stage\'s source folder. Copy the venv into another stage and the import fails unless the source sits at exactly the same path. Install the project non-editable (`uv sync --no-editable`, `pip install .`, or build a wheel) in the build stage.',
    bad: { code: 'FROM python:3.12-slim AS build\nWORKDIR /src\nCOPY . .\nRUN uv sync --locked\nFROM python:3.12-slim AS app\nCOPY --from=build /src/.venv /opt/venv\n' },
    good: { code: 'FROM python:3.12-slim AS build\nWORKDIR /src\nCOPY . .\nRUN uv sync --locked --no-editable\nFROM python:3.12-slim AS app\nCOPY --from=build /src/.venv /opt/venv\n' },
  },
  messages: {
    editable: '{{what}} installs the project in editable mode in stage {{from}}, whose virtualenv is copied into the runtime stage {{stage}} (line {{line}}); the .pth file points at {{from}}\'s source folder. Install it non-editable.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    const label = (s: Stage) => (s.name ? `"${s.name}"` : `#${s.index}`);
    return {
      done() {
        const runtime = runtimeStageOf(model);
        if (!runtime) return;
        for (const { node: copy, from } of venvCopies(model, runtime)) {
          for (const node of chainInstructions(model, from)) {
            if (node.kind !== 'run') continue;
            for (const cmd of node.script.commands) {
              const inst = classifyInstall(cmd);
              if (!inst?.editable) continue;
              // The copy brings the project folder along at the same path: the .pth still points at real files.
              const project = node.workdir;
              const samePath = copy.sources.some((s) => {
                const src = resolvePath('/', copy.scope.expand(s.value).value).replace(/(.)\/$/, '$1');
                const dest = (copy.destPath ?? '').replace(/(.)\/$/, '$1');
                return (project === src || project.startsWith(`${src}/`)) && dest === src;
              });
              if (samePath && inst.tool !== 'pip') continue;
              ctx.report({
                messageId: 'editable',
                range: headRange(cmd),
                data: { what: `\`${cmd.argv.slice(0, 2).map((w) => w.value).join(' ')}\``, from: label(from), stage: label(runtime), line: copy.range.start.line + 1 },
              });
            }
          }
        }
      },
    };
  },
});
