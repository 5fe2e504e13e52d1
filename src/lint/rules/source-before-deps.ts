import type { CopyNode, InstructionNode } from '../../dockerfile/model.js';
import { classifyInstall } from '../analysis.js';
import { DEPENDENCY_FILES, chainInstructions } from '../commands.js';
import { defineRule } from '../rule.js';

/**
 * The project's code: the whole context, a folder, a glob or Python files (a single config file
 * is not). A name without an extension is most likely a folder (src, app, mypackage), unless it is
 * copied together with the dependency files (`COPY requirements.txt start-script ./`).
 */
function isSource(src: string, besideDependencyFiles: boolean): boolean {
  const v = src.replace(/^\.\//, '');
  if (DEPENDENCY_FILES.test(src.replace(/\/$/, ''))) return false;
  if (src === '.' || src === './' || src === '..' || v.includes('*') || src.endsWith('/') || v.endsWith('.py')) return true;
  const base = v.split('/').pop() ?? v;
  return !besideDependencyFiles && !base.includes('.');
}

function sourceCopy(n: InstructionNode): n is CopyNode {
  if (n.kind !== 'copy' || n.from !== undefined || n.heredoc) return false;
  const withDeps = n.sources.some((s) => DEPENDENCY_FILES.test(s.value.replace(/\/$/, '')));
  return n.sources.some((s) => isSource(s.value, withDeps));
}

export const sourceBeforeDeps = defineRule({
  id: 'PC401',
  name: 'source-before-deps',
  kind: 'dockerfile',
  category: 'speed',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The source is copied before the dependencies are installed, so every code change reinstalls all dependencies.',
    why: 'Docker reuses a layer only while everything before it is unchanged. With `COPY . .` before `pip install -r requirements.txt` / `poetry install` / `uv sync`, editing one .py file invalidates the install layer and the next build downloads and installs everything again. Copy only the dependency files (pyproject.toml and the lock), install the dependencies, then copy the source and install the project itself.',
    bad: { code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    good: { code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n' },
  },
  messages: { early: 'the source is copied before the dependency install on line {{line}}, so any code change reinstalls every dependency; copy the dependency files first, install, then copy the source.' },
  create(ctx) {
    const model = ctx.dockerfile;
    const reported = new Set<CopyNode>();
    return {
      stage(stage) {
        let pending: CopyNode | undefined;
        for (const node of chainInstructions(model, stage)) {
          if (node.kind === 'run') {
            const dep = node.script.commands.map(classifyInstall).find((i) => i?.dependencies);
            if (!dep) continue;
            if (pending && !reported.has(pending)) {
              reported.add(pending);
              ctx.report({ messageId: 'early', range: pending.argsRange, data: { line: node.range.start.line + 1 } });
            }
            return; // only the first dependency install matters: later ones may install the project
          }
          if (!pending && sourceCopy(node)) pending = node;
        }
      },
    };
  },
});
