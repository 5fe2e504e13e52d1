import { isIgnored, wholeContextCopy } from '../ignore-match.js';
import { defineRule } from '../rule.js';
import type { Range } from '../types.js';

export const dockerignoreEnvNotExcluded = defineRule({
  id: 'PC280',
  name: 'dockerignore-env-not-excluded',
  kind: 'dockerignore',
  category: 'security',
  defaultSeverity: 'warning',
  docs: {
    summary: '.dockerignore does not leave out `.env` while the Dockerfile copies the whole build context.',
    why: '`.env` files hold local secrets (database passwords, API tokens). `COPY . .` puts them in a layer of the image, where anyone who can pull the image can read them with `docker history`/`docker save`, even if a later step deletes the file. Exclude `.env` (and `.env.*`, keeping `!.env.example` if you ship one); pass secrets at run time or with `RUN --mount=type=secret`.',
    bad: { code: '.venv\n.git\n', files: { dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n' } },
    good: { code: '.venv\n.git\n.env\n.env.*\n!.env.example\n', files: { dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n' } },
  },
  messages: { env: '.env is not excluded{{because}} while the Dockerfile copies the whole context: local secrets end up in an image layer. Add `.env` to .dockerignore.' },
  create(ctx) {
    return {
      done() {
        const file = ctx.dockerignore;
        if (!file || !wholeContextCopy(ctx.dockerfile)) return;
        const d = isIgnored(file, '.env');
        if (d.excluded) return;
        const negation = d.entry?.negated ? d.entry : undefined;
        const first: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: file.index.line(0).length } };
        ctx.report({ messageId: 'env', range: negation?.range ?? first, data: { because: negation ? ` (re-included by "!${negation.pattern}")` : '' } });
      },
    };
  },
});
