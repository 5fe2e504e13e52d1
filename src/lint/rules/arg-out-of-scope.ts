import type { InstructionNode, Stage } from '../../dockerfile/model.js';
import { variableRefs } from '../../dockerfile/expand.js';
import { defineRule } from '../rule.js';

/** Blanks comment lines (inside continuations) and, for COPY/ADD heredocs, the heredoc bodies. */
function scannable(node: InstructionNode): string {
  let text = node.text.replace(/^([ \t]*#[^\n]*)$/gm, (m) => ' '.repeat(m.length));
  if (node.kind === 'copy' && node.heredoc) {
    const nl = text.indexOf('\n');
    if (nl !== -1) text = text.slice(0, nl);
  }
  // The keyword and ARG/ENV names are not references.
  return ' '.repeat(node.keywordRange.end.character - node.keywordRange.start.character) + text.slice(node.keywordRange.end.character - node.keywordRange.start.character);
}

export const argOutOfScope = defineRule({
  id: 'PC101',
  name: 'arg-out-of-scope',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'error',
  docs: {
    summary: 'A build argument is used in a stage (or a FROM line) where it was never declared, so it expands to an empty string.',
    why: 'ARGs are scoped: a global ARG (before the first FROM) is visible only to FROM lines, and an ARG declared in one stage is not visible in the next. `ENV POETRY_VERSION=$POETRY_VERSION` in a stage that never said `ARG POETRY_VERSION` silently sets an empty value, and `pip install poetry==$POETRY_VERSION` then installs whatever is newest. Redeclare the ARG (without a value to inherit the global default) in every stage that uses it.',
    bad: {
      code: 'ARG POETRY_VERSION=1.8.3\nFROM python:3.12-slim\nRUN pip install --no-cache-dir "poetry==$POETRY_VERSION"\n',
    },
    good: {
      code: 'ARG POETRY_VERSION=1.8.3\nFROM python:3.12-slim\nARG POETRY_VERSION\nRUN pip install --no-cache-dir "poetry==$POETRY_VERSION"\n',
    },
  },
  messages: {
    notInStage: '${{name}} is not declared in stage {{stage}}: ARG {{name}} is declared {{where}}, but ARGs do not cross stage boundaries, so it is empty here. Add `ARG {{name}}` to this stage.',
    notGlobal: '${{name}} in FROM only sees ARGs declared before the first FROM; ARG {{name}} is declared {{where}}.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    const declared = new Map<string, string>();
    for (const a of model.globalArgs) for (const p of a.pairs) declared.set(p.name, 'before the first FROM');
    for (const s of model.stages) {
      for (const n of s.instructions) {
        if (n.kind !== 'kv' || n.keyword !== 'ARG') continue;
        for (const p of n.pairs) if (!declared.has(p.name)) declared.set(p.name, `in stage ${label(s)}`);
      }
    }
    const globalNames = new Set(model.globalArgs.flatMap((a) => a.pairs.map((p) => p.name)));
    return {
      instruction(node, stage) {
        if (!stage || declared.size === 0) return;
        const text = scannable(node);
        const shellLocal = node.kind === 'run' ? localShellNames(node.text) : new Set<string>();
        const startOffset = model.index.offsetAt(node.range.start);
        for (const ref of variableRefs(text)) {
          const where = declared.get(ref.name);
          if (where === undefined || ref.modifier !== undefined) continue;
          const range = model.index.rangeOf(startOffset + ref.start, startOffset + ref.end);
          if (node.kind === 'from') {
            if (!globalNames.has(ref.name)) ctx.report({ messageId: 'notGlobal', range, data: { name: ref.name, where } });
            continue;
          }
          if (node.scope.has(ref.name) || shellLocal.has(ref.name) || IMAGE_ENV.has(ref.name)) continue;
          ctx.report({ messageId: 'notInStage', range, data: { name: ref.name, stage: label(stage), where } });
        }
      },
    };
  },
});

/** Set by the base images themselves (docker-library python, Debian): defined even where no ARG is. */
const IMAGE_ENV = new Set(['PATH', 'HOME', 'HOSTNAME', 'TERM', 'LANG', 'LC_ALL', 'GPG_KEY', 'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256']);

function label(s: Stage): string {
  return s.name ? `"${s.name}"` : `#${s.index}`;
}

/** Names a RUN script assigns itself (`X=1`, `export X=`, `for X in`, `read X`). */
function localShellNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s;&|(])(?:export\s+|local\s+|readonly\s+)?([A-Za-z_][A-Za-z0-9_]*)=/g)) names.add(m[1] as string);
  for (const m of text.matchAll(/\b(?:for|read(?:\s+-\w+)*)\s+([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1] as string);
  return names;
}
