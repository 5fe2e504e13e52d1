import type { DockerfileModel, RunNode, Stage } from '../../dockerfile/model.js';
import { classifyInstall, headRange, venvCopies, type Install } from '../analysis.js';
import { chainInstructions, optionWordsOf, runtimeStageOf, trimTrailingSlashes as trimSlash } from '../commands.js';
import { resolvePath } from '../../dockerfile/parse.js';
import { defineRule } from '../rule.js';

/** Options that move a tool's project away from the WORKDIR (`uv sync --project x`, `poetry -C x install`). */
const PROJECT_OPTION = /^(--project|--directory|--cwd|-C|-p)(=|$)/;

/**
 * The folder the editable install points at: the `-e` target of pip and `uv pip` (resolved against the
 * WORKDIR), the WORKDIR for the project managers; undefined when it cannot be told (a URL, `--project`).
 */
function editableProjectDir(node: RunNode, inst: Install): string | undefined {
  const argv = optionWordsOf(inst.cmd, inst.cmd.argv.map((w) => (w.hasExpansion ? node.scope.expand(w.value).value : w.value)));
  if (inst.tool === 'pip' || inst.tool === 'uv-pip') {
    const i = argv.findIndex((v) => v === '-e' || v === '--editable' || v.startsWith('--editable='));
    const target = argv[i]?.startsWith('--editable=') ? argv[i].slice('--editable='.length) : argv[i + 1];
    if (i === -1 || target === undefined || /:\/\/|^git\+|\$/.test(target)) return undefined;
    return trimSlash(resolvePath(node.workdir, target.replace(/\[[^[\]]*\]$/, '')));
  }
  return argv.some((v) => PROJECT_OPTION.test(v)) ? undefined : trimSlash(node.workdir);
}

/**
 * The runtime stage holds the project folder where the build stage installed it: the whole build context
 * copied there (`COPY . /app`), or the folder copied from the build stage at the same path (`COPY --from=b /app /app`).
 */
function projectInRuntime(model: DockerfileModel, runtime: Stage, from: Stage, dir: string | undefined): boolean {
  if (dir === undefined) return false;
  return chainInstructions(model, runtime).some((copy) => {
    if (copy.kind !== 'copy' || copy.heredoc || copy.destPath === undefined) return false;
    const dest = trimSlash(copy.destPath);
    if (copy.from === undefined) return dest === dir && copy.sources.some((s) => /^\.\/?$/.test(s.value));
    if (copy.fromRef?.kind !== 'stage' || copy.fromRef.index !== from.index) return false;
    return copy.sources.some((s) => {
      const src = trimSlash(resolvePath('/', copy.scope.expand(s.value).value));
      return (dir === src || dir.startsWith(`${src}/`)) && dest === src;
    });
  });
}

export const editableInstallInRuntime = defineRule({
  id: 'PC105',
  name: 'editable-install-in-runtime',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'error',
  docs: {
    summary: 'A virtualenv with the project installed in editable mode is copied into the runtime stage.',
    why: 'An editable install (`pip install -e .`, `poetry install` without `--no-root`, `uv sync` without `--no-editable`, `pdm install`) does not copy the package into site-packages; it writes a `.pth` file pointing at the build stage\'s source folder. Copy the venv into another stage and the import fails unless the source sits at exactly the same path. Install the project non-editable (`uv sync --no-editable`, `pip install .`, or build a wheel) in the build stage.\n\nNot reported: the runtime stage has the project at the path the build stage installed it from, either the whole build context copied there (`COPY . /app` for an install in WORKDIR /app, or for `pip install -e /app`) or the folder copied from the build stage at the same path (`COPY --from=build /app /app`). The path is the `-e` target for pip and `uv pip`, the WORKDIR for uv, Poetry, PDM, pipenv and Hatch; an install with `--project`/`--directory` is reported, since its folder is not followed. Copying only part of the context (`COPY src/ /app/src`) is reported too: whether the `.pth` file points there depends on the project\'s layout.',
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
              // The .pth still points at real files when the runtime stage has the project at the same path.
              if (projectInRuntime(model, runtime, from, editableProjectDir(node, inst))) continue;
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
