import type { DockerfileModel, InstructionNode, Stage } from '../../dockerfile/model.js';
import { resolvePath } from '../../dockerfile/parse.js';
import { basename, requirementName } from '../analysis.js';
import { chainInstructions, runtimeStageOf } from '../commands.js';
import { defineRule } from '../rule.js';
import { covers, isUvImage, toolInstalls, UV_IMAGE_LOCATIONS, type ToolInstall } from '../tools.js';

export { COMPILERS, PY_TOOLS, toolInstalls, type ToolInstall } from '../tools.js';

/** The names one RUN removes (`apt-get purge gcc`, `pip uninstall poetry`, `apk del build-base`, `rm /bin/uv`). */
function removedBy(n: InstructionNode): string[] {
  if (n.kind !== 'run') return [];
  const out: string[] = [];
  for (const cmd of n.script.commands) {
    const a = cmd.argv.map((w) => w.value);
    if (a.some((v) => ['purge', 'remove', 'del', 'uninstall', 'autoremove', 'erase'].includes(v))) for (const v of a) out.push(requirementName(v) || v);
    if (cmd.name === 'rm') for (const v of a.slice(1)) if (/\/bin\/[^/]+$/.test(v)) out.push(v.split('/').pop() ?? v);
    if (a.includes('--virtual') || a.includes('-t')) {
      // apk add --virtual .build-deps gcc ... && apk del .build-deps
      const i = a.findIndex((v) => v === '--virtual' || v === '-t');
      const group = a[i + 1];
      if (group && n.text.includes(`del ${group}`)) out.push(...a.slice(i + 2));
    }
  }
  return out;
}

/**
 * Whether a name is removed by `after` or a RUN after it in `nodes`. Built once (the last removal of
 * each name), so asking for each of thousands of installs stays linear.
 */
function removals(nodes: readonly InstructionNode[]): (after: InstructionNode, name: string) => boolean {
  const last = new Map<string, number>();
  const index = new Map<InstructionNode, number>();
  nodes.forEach((n, i) => {
    index.set(n, i);
    for (const name of removedBy(n)) last.set(name, i);
  });
  return (after, name) => {
    const i = index.get(after);
    return i !== undefined && (last.get(name) ?? -1) >= i;
  };
}

/** Executables of the Python build tools, by file name (`COPY --from=builder /root/.local/bin/poetry ...`). */
const TOOL_EXECUTABLES: Readonly<Record<string, string>> = { poetry: 'poetry', uv: 'uv', uvx: 'uv', pdm: 'pdm', pipenv: 'pipenv', hatch: 'hatch', pipx: 'pipx', 'pip-compile': 'pip-tools', 'pip-sync': 'pip-tools' };

/** A copied file that is a build tool's executable by its name: `/uv`, `/usr/local/bin/poetry`, `/root/.local/bin/pdm`. */
function toolByName(path: string): string | undefined {
  const parts = path.split('/').filter(Boolean);
  const file = parts[parts.length - 1] ?? '';
  const tool = TOOL_EXECUTABLES[file];
  if (!tool) return undefined;
  return parts.length === 1 || parts[parts.length - 2] === 'bin' ? tool : undefined;
}

const label = (s: Stage | undefined, index: number) => (s?.name ? `"${s.name}"` : `#${index}`);

/** Tools that stay installed at the end of a stage (its FROM chain included), with where their files are. */
function toolsOf(model: DockerfileModel, stage: Stage): ToolInstall[] {
  const nodes = chainInstructions(model, stage);
  const removed = removals(nodes);
  const found = toolInstalls(nodes, model).filter((t) => !removed(t.node, t.tool) && t.locations.length > 0);
  if (isUvImage(stage.rootFrom)) found.push({ tool: 'uv', word: { value: stage.rootFrom.image ?? '', raw: '', range: stage.rootFrom.range, quoted: false, hasExpansion: false }, node: stage.rootFrom, locations: UV_IMAGE_LOCATIONS });
  return found;
}

export const buildToolsInRuntime = defineRule({
  id: 'PC301',
  name: 'build-tools-in-runtime',
  kind: 'dockerfile',
  category: 'size',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Poetry, uv, PDM, pipenv, pip-tools, Hatch, pipx or a compiler ends up in the runtime image.',
    why: 'Build tools are needed to resolve and compile dependencies, not to run the app. In the runtime image they add tens to hundreds of MB, extra CVEs to patch, and tools an attacker can use. Install them in a build stage and copy only the virtualenv (and the app) into a fresh runtime stage. pycrane follows the tools: installed in the runtime stage or a stage it is built FROM (pip, pipx, `uv tool install`, the installer scripts, `COPY --from=ghcr.io/astral-sh/uv`), a runtime stage FROM one of uv\'s images (`ghcr.io/astral-sh/uv:python3.12-bookworm-slim`), and a `COPY --from=<stage>` that brings one along: uv through a stage alias (`FROM ghcr.io/astral-sh/uv:0.9 AS uv` + `COPY --from=uv /uv /bin/`), a tool binary copied out of a builder, or a folder that holds one (`/usr/local` after `pip install poetry`, a venv that pip installed Poetry into). A tool\'s executable copied by its name from a stage or an image whose install pycrane does not see (`COPY --from=builder /usr/local/bin/poetry ...`, a `bin/uv`, `bin/pdm`, `bin/pipenv`, `bin/hatch`, `bin/pipx`, `bin/pip-compile`) is reported too. It cannot see tools that a base image it does not know ships, or a venv\'s own copy of a tool unless pip installed it there in this Dockerfile.',
    bad: { code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN pip install --no-cache-dir poetry==1.8.3 && poetry install --only main --no-root\n' },
    good: {
      code: 'FROM python:3.12-slim AS build\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN pip install --no-cache-dir poetry==1.8.3 && python -m venv /opt/venv && VIRTUAL_ENV=/opt/venv poetry install --only main --no-root\nFROM python:3.12-slim AS app\nCOPY --from=build /opt/venv /opt/venv\nCOPY . /app\n',
    },
  },
  messages: {
    tool: '{{tool}} ends up in the runtime image (stage {{stage}}); install it in a build stage and copy only the virtualenv.',
    copied: 'this COPY brings {{tool}} (installed in stage {{from}}, line {{line}}) into the runtime image; copy only the virtualenv and the application.',
    copiedByName: 'this COPY brings {{tool}} ({{path}} of {{from}}) into the runtime image; copy only the virtualenv and the application.',
    baseImage: 'the runtime image is built on {{image}}, which ships uv; build the runtime stage on the plain Python image and use uv in a build stage only.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const runtime = runtimeStageOf(model);
        if (!runtime) return;
        const nodes = chainInstructions(model, runtime);
        const removed = removals(nodes);
        const direct = toolInstalls(nodes, model);
        for (const t of direct) {
          if (removed(t.node, t.tool)) continue;
          ctx.report({ messageId: 'tool', range: t.word.range, data: { tool: t.tool, stage: label(model.stages[t.node.stageIndex], t.node.stageIndex) } });
        }
        const root = runtime.rootFrom;
        if (isUvImage(root) && root.imageRange && !removed(root, 'uv')) ctx.report({ messageId: 'baseImage', range: root.imageRange, data: { image: root.image ?? '' } });
        // COPY --from=<stage> of a tool, or of a folder a tool was installed into.
        // A tool's executable copied by name from a stage or an image whose install pycrane does not see.
        const directNodes = new Set(direct.map((t) => t.node));
        const toolsOfStage = new Map<Stage, ToolInstall[]>();
        for (const node of nodes) {
          if (node.kind !== 'copy' || !node.fromRef || node.fromRef.kind === 'unknown' || directNodes.has(node)) continue;
          const from = node.fromRef.kind === 'stage' ? model.stages[node.fromRef.index] : undefined;
          let theirs: ToolInstall[] = [];
          if (from) {
            theirs = toolsOfStage.get(from) ?? toolsOf(model, from);
            toolsOfStage.set(from, theirs);
          }
          for (const src of node.sources) {
            const path = resolvePath('/', node.scope.expand(src.value).value);
            const hit = theirs.find((t) => t.locations.some((l) => covers(path, l)));
            if (hit) {
              if (!removed(node, hit.tool)) ctx.report({ messageId: 'copied', range: src.range, data: { tool: hit.tool, from: label(model.stages[hit.node.stageIndex] ?? from, hit.node.stageIndex), line: hit.node.range.start.line + 1 } });
              continue;
            }
            const tool = toolByName(path);
            if (!tool || removed(node, tool) || removed(node, basename(path))) continue;
            const fromLabel = from ? `stage ${label(from, from.index)}` : (node.from ?? '');
            ctx.report({ messageId: 'copiedByName', range: src.range, data: { tool, path, from: fromLabel } });
          }
        }
      },
    };
  },
});
