import { wholeContextCopy } from '../ignore-match.js';
import { defineRule } from '../rule.js';

export const dockerignoreMissing = defineRule({
  id: 'PC380',
  name: 'dockerignore-missing',
  kind: 'dockerignore',
  category: 'size',
  defaultSeverity: 'warning',
  docs: {
    summary: 'There is no .dockerignore next to a Dockerfile that copies the whole build context.',
    why: '`COPY . .` without a .dockerignore copies everything: the host\'s `.venv` (which overwrites the venv the image built, with links to an interpreter that is not there), `.git` (megabytes, and a new layer on every commit), caches, and `.env` files with secrets, which stay in the image history. Add a .dockerignore that leaves out at least `.venv`, `.git` and `.env`.',
    bad: { code: '', files: { dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n', dockerignore: null } },
    good: { code: '.venv\n.git\n.env\n__pycache__\n', files: { dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n' } },
  },
  messages: { missing: 'this copies the whole build context, and there is no .dockerignore: the host\'s .venv, .git and .env files go into the image. Add a .dockerignore.' },
  create(ctx) {
    return {
      done() {
        if (ctx.dockerignore !== null) return;
        const src = wholeContextCopy(ctx.dockerfile);
        if (src) ctx.report({ messageId: 'missing', range: src.range, ...(ctx.paths.dockerfile ? { file: ctx.paths.dockerfile } : {}) });
      },
    };
  },
});
