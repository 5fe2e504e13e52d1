import type { InstructionNode } from '../../dockerfile/model.js';
import type { Word } from '../../dockerfile/shell.js';
import { classifyInstall, requirementName } from '../analysis.js';
import { aptInstallPackages, chainInstructions, runtimeStageOf } from '../commands.js';
import { defineRule } from '../rule.js';

export const PY_TOOLS = new Set(['poetry', 'pipx', 'uv', 'pdm', 'pipenv', 'hatch']);
export const COMPILERS = /^(build-essential|gcc(-\d+)?|g\+\+(-\d+)?|clang(-\d+)?|gfortran|cargo|rustc|cmake|build-base|alpine-sdk)$/;
const PKG_INSTALL = new Set(['apk', 'yum', 'dnf', 'microdnf', 'zypper']);

export interface ToolInstall {
  readonly tool: string;
  readonly word: Word;
  readonly node: InstructionNode;
}

/** Python build tools and compilers installed by RUN or copied in from a tool image. */
export function toolInstalls(nodes: readonly InstructionNode[]): ToolInstall[] {
  const out: ToolInstall[] = [];
  for (const node of nodes) {
    if (node.kind === 'copy' && node.fromRef?.kind === 'image' && /(^|\/)astral-sh\/uv(:|@|$)/.test(node.from ?? '')) {
      out.push({ tool: 'uv', word: { value: node.from ?? '', raw: node.from ?? '', range: node.fromRange ?? node.range, quoted: false, hasExpansion: false }, node });
    }
    if (node.kind !== 'run') continue;
    for (const cmd of node.script.commands) {
      const inst = classifyInstall(cmd);
      if (inst && ['pip', 'uv-pip', 'pipx', 'uv-tool'].includes(inst.tool)) {
        for (const p of inst.packages) {
          const name = requirementName(p.value);
          if (PY_TOOLS.has(name)) out.push({ tool: name, word: p, node });
        }
      }
      if ((cmd.name === 'curl' || cmd.name === 'wget') && cmd.argv.some((w) => /install\.python-poetry\.org|python-poetry\/install/.test(w.value))) {
        out.push({ tool: 'poetry', word: cmd.argv[0] as Word, node });
      }
      if ((cmd.name === 'curl' || cmd.name === 'wget') && cmd.argv.some((w) => /astral\.sh\/uv/.test(w.value))) out.push({ tool: 'uv', word: cmd.argv[0] as Word, node });
      let pkgs = aptInstallPackages(cmd);
      if (!pkgs && PKG_INSTALL.has(cmd.name) && cmd.argv.some((w) => w.value === 'add' || w.value === 'install')) {
        pkgs = cmd.argv.slice(1).filter((w) => !w.value.startsWith('-') && w.value !== 'add' && w.value !== 'install');
      }
      for (const p of pkgs ?? []) {
        const name = p.value.replace(/[=:].*$/, '');
        if (COMPILERS.test(name)) out.push({ tool: name, word: p, node });
      }
    }
  }
  return out;
}

/** Names removed later (`apt-get purge gcc`, `pip uninstall poetry`, `apk del build-base`). */
function removed(nodes: readonly InstructionNode[], after: InstructionNode): Set<string> {
  const out = new Set<string>();
  let seen = false;
  for (const n of nodes) {
    if (n === after) seen = true;
    if (!seen || n.kind !== 'run') continue;
    for (const cmd of n.script.commands) {
      const a = cmd.argv.map((w) => w.value);
      if (a.some((v) => ['purge', 'remove', 'del', 'uninstall', 'autoremove', 'erase'].includes(v))) for (const v of a) out.add(requirementName(v) || v);
      if (a.includes('--virtual') || a.includes('-t')) {
        // apk add --virtual .build-deps gcc ... && apk del .build-deps
        const i = a.findIndex((v) => v === '--virtual' || v === '-t');
        const group = a[i + 1];
        if (group && n.text.includes(`del ${group}`)) for (const v of a.slice(i + 2)) out.add(v);
      }
    }
  }
  return out;
}

export const buildToolsInRuntime = defineRule({
  id: 'PC301',
  name: 'build-tools-in-runtime',
  kind: 'dockerfile',
  category: 'size',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Poetry, pipx, uv, PDM or a compiler is installed in the runtime image.',
    why: 'Build tools are needed to resolve and compile dependencies, not to run the app. In the runtime image they add tens to hundreds of MB, extra CVEs to patch, and tools an attacker can use. Install them in a build stage and copy only the virtualenv (and the app) into a fresh runtime stage.',
    bad: { code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN pip install --no-cache-dir poetry==1.8.3 && poetry install --only main --no-root\n' },
    good: {
      code: 'FROM python:3.12-slim AS build\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN pip install --no-cache-dir poetry==1.8.3 && python -m venv /opt/venv && VIRTUAL_ENV=/opt/venv poetry install --only main --no-root\nFROM python:3.12-slim AS app\nCOPY --from=build /opt/venv /opt/venv\nCOPY . /app\n',
    },
  },
  messages: { tool: '{{tool}} ends up in the runtime image (stage {{stage}}); install it in a build stage and copy only the virtualenv.' },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const runtime = runtimeStageOf(model);
        if (!runtime) return;
        const nodes = chainInstructions(model, runtime);
        for (const t of toolInstalls(nodes)) {
          if (removed(nodes, t.node).has(t.tool)) continue;
          const s = model.stages[t.node.stageIndex];
          ctx.report({ messageId: 'tool', range: t.word.range, data: { tool: t.tool, stage: s?.name ? `"${s.name}"` : `#${t.node.stageIndex}` } });
        }
      },
    };
  },
});
