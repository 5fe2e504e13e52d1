import type { DockerfileModel, InstructionNode, Stage } from '../../dockerfile/model.js';
import { resolvePath } from '../../dockerfile/parse.js';
import type { Range } from '../../dockerfile/text.js';
import { SYSTEM_BIN_DIRS, venvPaths } from '../analysis.js';
import { chainInstructions, stageChain } from '../commands.js';
import { defineRule } from '../rule.js';

const STANDARD = new Set([...SYSTEM_BIN_DIRS, '/usr/games', '/usr/local/games', '/snap/bin', '/root/.local/bin']);

const related = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
const deep = (p: string) => p.split('/').filter(Boolean).length >= 2;

function absPaths(text: string, workdir: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[\s=:"'(,])((?:\/|\.\/)?[A-Za-z0-9_.@+-]+(?:\/[A-Za-z0-9_.@+-]+)+|\/[A-Za-z0-9_.@+-]+)/g)) {
    const p = m[1] as string;
    out.push(resolvePath(workdir, p).replace(/(.)\/$/, '$1'));
  }
  return out;
}

/** Some instruction of these creates, copies or mentions a path related to `dir`. */
function provides(nodes: readonly InstructionNode[], dir: string, hasRun: boolean): boolean {
  for (const n of nodes) {
    if (n.kind === 'copy' && n.destPath && related(n.destPath.replace(/(.)\/$/, '$1'), dir)) return true;
    if (n.kind === 'workdir' && related(n.resolved, dir) && n.resolved !== '/' && deep(dir) && dir.startsWith(n.resolved)) {
      // A tool run in the workdir may create sub-folders (.venv/bin); only when something runs there.
      if (hasRun) return true;
    }
    if (n.kind === 'run') {
      const text = n.scope.expand(n.text).value;
      if (absPaths(text, n.workdir).some((p) => (deep(p) || p === dir) && related(p, dir))) return true;
    }
    if (n.kind === 'kv' && n.keyword === 'ENV' && hasRun) {
      for (const p of n.pairs) {
        if (p.name === 'PATH' || !p.resolved) continue;
        if (absPaths(p.resolved.value, n.workdir).some((x) => deep(x) && related(x, dir))) return true;
      }
    }
  }
  return false;
}

export const pathNotInStage = defineRule({
  id: 'PC102',
  name: 'path-not-in-stage',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'warning',
  docs: {
    summary: 'PATH or the ENTRYPOINT points into a directory that this stage never creates or copies (it exists only in another stage).',
    why: 'Each stage starts from its own base image. Copying `ENV PATH=/opt/pipx/bin:$PATH` into a runtime stage that never installed pipx leaves a dead PATH entry at best; an ENTRYPOINT such as `/opt/venv/bin/app` in a stage that never copied /opt/venv fails with "no such file or directory" at start. COPY the directory from the stage that builds it, or drop the entry.',
    bad: { code: 'FROM python:3.12-slim AS builder\nENV PIPX_BIN_DIR=/opt/pipx/bin\nRUN pip install --no-cache-dir pipx==1.7.1 && pipx install poetry==1.8.3\nFROM python:3.12-slim AS app\nENV PATH=/opt/pipx/bin:$PATH\n' },
    good: { code: 'FROM python:3.12-slim AS builder\nENV PIPX_BIN_DIR=/opt/pipx/bin PATH=/opt/pipx/bin:$PATH\nRUN pip install --no-cache-dir pipx==1.7.1 && pipx install poetry==1.8.3\nFROM python:3.12-slim AS app\n' },
  },
  messages: {
    path: 'PATH entry {{dir}} does not exist in stage {{stage}}: nothing in it (or the stages it is built FROM) creates or copies it{{where}}.',
    entrypoint: '{{keyword}} runs {{program}}, but stage {{stage}} never creates or copies {{dir}}{{where}}.',
  },
  create(ctx) {
    const model: DockerfileModel = ctx.dockerfile;
    const label = (s: Stage) => (s.name ? `"${s.name}"` : `#${s.index}`);
    const check = (stage: Stage, dir: string, report: (where: string) => void) => {
      if (STANDARD.has(dir) || dir === '/' || dir.includes('$')) return;
      const chain = chainInstructions(model, stage);
      const hasRun = chain.some((n) => n.kind === 'run');
      if (provides(chain, dir, hasRun)) return;
      if (venvPaths(model, stage).some((v) => related(v, dir))) return;
      // A base stage may set PATH for the stages built FROM it, which create the directory.
      const descendants = model.stages.filter((s) => s.index !== stage.index && stageChain(model, s).some((c) => c.index === stage.index));
      if (descendants.some((d) => provides(d.instructions, dir, d.instructions.some((n) => n.kind === 'run')) || venvPaths(model, d).some((v) => related(v, dir)))) return;
      const inChain = new Set(stageChain(model, stage).map((s) => s.index));
      const elsewhere = model.stages.find((s) => !inChain.has(s.index) && provides(s.instructions, dir, s.instructions.some((n) => n.kind === 'run')));
      const venvish = /(^|\/)\.?venv[^/]*\/bin$/.test(dir);
      if (!elsewhere && !venvish) return;
      report(elsewhere ? ` (it is made in stage ${label(elsewhere)})` : '');
    };
    return {
      ENV(node, stage) {
        for (const p of node.pairs) {
          if (p.name !== 'PATH' || p.value === undefined || !p.valueRange) continue;
          const valueStart = model.index.offsetAt(p.valueRange.start);
          const rawValue = model.text.slice(valueStart, model.index.offsetAt(p.valueRange.end));
          let cursor = 0;
          for (const piece of p.value.split(':')) {
            const at = rawValue.indexOf(piece, cursor);
            cursor = at === -1 ? cursor : at + piece.length;
            const expanded = node.scope.expand(piece);
            if (!expanded.complete || !expanded.value.startsWith('/')) continue;
            const dir = resolvePath('/', expanded.value).replace(/(.)\/$/, '$1');
            const range: Range = at === -1 ? p.valueRange : model.index.rangeOf(valueStart + at, valueStart + at + piece.length);
            check(stage, dir, (where) => ctx.report({ messageId: 'path', range, data: { dir, stage: label(stage), where } }));
          }
        }
      },
      ENTRYPOINT(node, stage) {
        const exe = node.form === 'exec' ? node.argv[0] : undefined;
        if (!exe || !exe.value.startsWith('/') || exe.value.includes('$')) return;
        const dir = exe.value.slice(0, exe.value.lastIndexOf('/')) || '/';
        check(stage, dir, (where) => ctx.report({ messageId: 'entrypoint', range: exe.range, data: { keyword: 'ENTRYPOINT', program: exe.value, dir, stage: label(stage), where } }));
      },
    };
  },
});
