import type { RunNode } from '../../dockerfile/model.js';
import type { ShellCommand } from '../../dockerfile/shell.js';
import { classifyInstall, headRange, isLocalOrUrlPackage, requirementName } from '../analysis.js';
import { chainInstructions, hasOption, runtimeStageOf } from '../commands.js';
import { defineRule } from '../rule.js';

function envSet(node: RunNode, cmd: ShellCommand, name: string): boolean {
  return cmd.assignments.some((a) => a.name === name) || node.scope.has(name);
}
const cacheMount = (node: RunNode, re: RegExp) => node.mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && re.test(m.target ?? ''));

export const installCacheInLayer = defineRule({
  id: 'PC304',
  name: 'install-cache-in-layer',
  kind: 'dockerfile',
  category: 'size',
  defaultSeverity: 'warning',
  docs: {
    summary: 'pip, uv or Poetry leaves its download cache in a layer of the runtime image.',
    why: 'Installers keep every downloaded wheel in a cache (~/.cache/pip, ~/.cache/uv, ~/.cache/pypoetry). Written in a RUN, that cache becomes part of the layer and often doubles its size, and deleting it in a later RUN does not shrink the image. Use a BuildKit cache mount (which also speeds up rebuilds), or disable the cache (`pip install --no-cache-dir`, `UV_NO_CACHE=1`, `poetry install --no-cache`).',
    bad: { code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n' },
    good: { code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n' },
  },
  messages: {
    pip: '`pip install` keeps its cache in this layer; add --no-cache-dir or `--mount=type=cache,target=/root/.cache/pip`.',
    uv: '`uv` keeps its cache in this layer; use `--mount=type=cache,target=/root/.cache/uv` or `UV_NO_CACHE=1`.',
    poetry: '`poetry install` keeps its cache in this layer; use `--mount=type=cache,target=/root/.cache/pypoetry` or remove $POETRY_CACHE_DIR in the same RUN.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const runtime = runtimeStageOf(model);
        if (!runtime) return;
        const nodes = chainInstructions(model, runtime);
        const globalNoCache = nodes.some((n) => /no-cache-dir|PIP_NO_CACHE_DIR/i.test(n.text) && n.kind !== 'run');
        for (const node of nodes) {
          if (node.kind !== 'run') continue;
          const removesCache = /\brm\b[^;&|]*(\.cache|POETRY_CACHE_DIR|pypoetry)/.test(node.text);
          for (const cmd of node.script.commands) {
            const inst = classifyInstall(cmd);
            if (!inst) continue;
            if (inst.tool === 'pip') {
              if (inst.packages.length > 0 && inst.packages.every((p) => isLocalOrUrlPackage(p.value)) && inst.requirementFiles.length === 0) continue;
              // Upgrading pip itself (and setuptools/wheel) caches a few MB at most.
              if (inst.requirementFiles.length === 0 && inst.packages.length > 0 && inst.packages.every((p) => ['pip', 'setuptools', 'wheel'].includes(requirementName(p.value)))) continue;
              if (hasOption(cmd, ['--no-cache-dir', '--no-cache']) || envSet(node, cmd, 'PIP_NO_CACHE_DIR') || globalNoCache || removesCache) continue;
              if (cacheMount(node, /pip/)) continue;
              ctx.report({ messageId: 'pip', range: headRange(cmd) });
            } else if (inst.tool === 'uv-pip' || inst.tool === 'uv') {
              if (hasOption(cmd, ['--no-cache', '-n']) || envSet(node, cmd, 'UV_NO_CACHE') || cacheMount(node, /uv/) || removesCache) continue;
              if (node.scope.get('UV_CACHE_DIR') && cacheMount(node, /./)) continue;
              ctx.report({ messageId: 'uv', range: headRange(cmd) });
            } else if (inst.tool === 'poetry') {
              if (hasOption(cmd, ['--no-cache']) || removesCache || cacheMount(node, /pypoetry|poetry/)) continue;
              if (node.scope.get('POETRY_CACHE_DIR') && cacheMount(node, /./)) continue;
              ctx.report({ messageId: 'poetry', range: headRange(cmd) });
            }
          }
        }
      },
    };
  },
});
