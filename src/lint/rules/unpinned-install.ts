import { classifyInstall, requirementName } from '../analysis.js';
import { hasOption, isLocalOrUrl } from '../commands.js';
import { defineRule } from '../rule.js';

const UNPINNED_OK = new Set(['pip', 'setuptools', 'wheel']);

export const unpinnedInstall = defineRule({
  id: 'PC603',
  name: 'unpinned-install',
  kind: 'dockerfile',
  category: 'stability',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A package or tool is installed without a pinned version (`pip install poetry`, `pipx install uv`, an unversioned installer script of Poetry, uv or PDM).',
    why: 'An unpinned install takes whatever is newest on build day. Poetry 2.0 removed `--no-dev` and `export`, and broke thousands of Dockerfiles that installed "poetry" unpinned; the same happens with any library. Pin with `==` (or install from the lock / a constraints file) and update on purpose.',
    bad: { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\n' },
    good: { code: 'FROM python:3.12-slim\nARG POETRY_VERSION=2.1.2\nRUN pip install --no-cache-dir "poetry==${POETRY_VERSION}"\n' },
  },
  messages: {
    unpinned: '{{name}} is installed without a pinned version; use {{name}}==<version>.',
    installer: 'the {{tool}} installer script installs the latest {{tool}}; pin it ({{how}}).',
    image: '{{image}} is not pinned to a version tag.',
  },
  create(ctx) {
    return {
      COPY(node) {
        if (node.fromRef?.kind !== 'image' || !node.from || !node.fromRange) return;
        if (!/astral-sh\/uv|python-poetry|pdm-project/.test(node.from)) return;
        const tag = /:([^@/]+)(@|$)/.exec(node.from)?.[1];
        if (node.from.includes('@sha256:') || (tag && tag !== 'latest')) return;
        ctx.report({ messageId: 'image', range: node.fromRange, data: { image: node.from } });
      },
      RUN(node) {
        for (const cmd of node.script.commands) {
          const text = cmd.argv.map((w) => w.value).join(' ');
          if ((cmd.name === 'curl' || cmd.name === 'wget') && /install\.python-poetry\.org/.test(text)) {
            const pinned = /POETRY_VERSION/.test(node.text) || node.scope.has('POETRY_VERSION') || /--version/.test(node.text);
            if (!pinned) ctx.report({ messageId: 'installer', range: cmd.argv[0]!.range, data: { tool: 'Poetry', how: 'POETRY_VERSION=x.y.z or --version' } });
            continue;
          }
          if ((cmd.name === 'curl' || cmd.name === 'wget') && /install-pdm\.py/.test(text)) {
            const pinned = /PDM_VERSION/.test(node.text) || node.scope.has('PDM_VERSION') || /(--version|-v)\s/.test(node.text);
            if (!pinned) ctx.report({ messageId: 'installer', range: cmd.argv[0]!.range, data: { tool: 'PDM', how: 'PDM_VERSION=x.y.z or --version x.y.z' } });
            continue;
          }
          if ((cmd.name === 'curl' || cmd.name === 'wget') && /astral\.sh\/uv\/install\.sh/.test(text)) {
            ctx.report({ messageId: 'installer', range: cmd.argv[0]!.range, data: { tool: 'uv', how: 'https://astral.sh/uv/<version>/install.sh' } });
            continue;
          }
          const inst = classifyInstall(cmd);
          if (!inst || !['pip', 'uv-pip', 'pipx', 'uv-tool'].includes(inst.tool)) continue;
          if (hasOption(cmd, ['-c', '--constraint', '--constraints']) || node.scope.has('PIP_CONSTRAINT') || cmd.assignments.some((a) => a.name === 'PIP_CONSTRAINT')) continue;
          for (const p of inst.packages) {
            const value = node.scope.expand(p.value).value;
            if (isLocalOrUrl(p.value) || isLocalOrUrl(value) || /@/.test(value)) continue;
            const name = requirementName(value);
            if (!name || UNPINNED_OK.has(name)) continue;
            if (/===?/.test(value) || /~=\s*\d+\.\d+\.\d+/.test(value)) continue;
            ctx.report({ messageId: 'unpinned', range: p.range, data: { name } });
          }
        }
      },
    };
  },
});
