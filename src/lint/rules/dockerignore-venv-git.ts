import { isIgnored, wholeContextCopy } from '../ignore-match.js';
import { defineRule } from '../rule.js';
import type { Range } from '../types.js';

const CHECKS = [
  { messageId: 'venv', probe: '.venv/pyvenv.cfg', name: '.venv' },
  { messageId: 'git', probe: '.git/HEAD', name: '.git' },
] as const;

export const dockerignoreVenvGit = defineRule({
  id: 'PC381',
  name: 'dockerignore-venv-git',
  kind: 'dockerignore',
  category: 'size',
  defaultSeverity: 'warning',
  docs: {
    summary: '.dockerignore does not leave out `.venv` or `.git` while the Dockerfile copies the whole context.',
    why: 'A host `.venv` copied by `COPY . .` lands on top of the venv the image built (or next to it): its interpreter links point at the host\'s Python, so the app fails to start or `uv`/Poetry rebuild it on every start. `.git` adds megabytes and changes on every commit, so the COPY layer and everything after it is never cached. Add both to .dockerignore (`.venv`, `.git`; `**/.venv` for nested projects).',
    bad: { code: '__pycache__\n*.pyc\n', files: { dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n' } },
    good: { code: '.venv\n.git\n__pycache__\n*.pyc\n', files: { dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n' } },
  },
  messages: {
    venv: '.venv is not excluded{{because}}: `COPY . …` copies the host\'s virtualenv (broken interpreter links) into the image. Add `.venv` to .dockerignore.',
    git: '.git is not excluded{{because}}: it bloats the build context and changes on every commit, so the COPY layer is never cached. Add `.git` to .dockerignore.',
  },
  create(ctx) {
    return {
      done() {
        const file = ctx.dockerignore;
        if (!file) return;
        // With a Dockerfile that copies only selected files, BuildKit never sends the rest of the context.
        if (ctx.dockerfile && !wholeContextCopy(ctx.dockerfile)) return;
        const first: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: file.index.line(0).length } };
        for (const c of CHECKS) {
          const d = isIgnored(file, c.probe);
          if (d.excluded) continue;
          const negation = d.entry?.negated ? d.entry : undefined;
          ctx.report({ messageId: c.messageId, range: negation?.range ?? first, data: { because: negation ? ` (re-included by "!${negation.pattern}")` : '' } });
        }
      },
    };
  },
});
