import { defineRule } from '../rule.js';

/**
 * `scheme://user:password@`. The scheme is a whole run of scheme characters not glued to a word: starting
 * only there (not at every `\b` inside `a.a.a…`) keeps the search linear.
 */
const URL_CREDS = /(?<![\w+.-])[a-z][a-z0-9+.-]*:\/\/([^\s:@/'"]+):([^\s@/'"]+)@/gi;

export const credentialsInUrl = defineRule({
  id: 'PC205',
  name: 'credentials-in-url',
  kind: 'dockerfile',
  category: 'security',
  defaultSeverity: 'error',
  docs: {
    summary: 'A URL in the Dockerfile carries a user name and password (`https://user:pass@host`).',
    why: 'A password written in an index URL (`PIP_INDEX_URL`, `UV_INDEX_URL`/`UV_DEFAULT_INDEX`, `PDM_PYPI_URL`, `PIPENV_PYPI_MIRROR`, `--index-url`, `--extra-index-url`, a git URL) is stored in the Dockerfile, the image history and the build logs. When it comes from an ARG or ENV it leaks the same way. Mount the credentials as a BuildKit secret (netrc, pip.conf, `env=`) so they exist only while the RUN executes.',
    bad: { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir --extra-index-url https://ci:s3cret@pypi.example.com/simple app==1.0\n' },
    good: { code: 'FROM python:3.12-slim\nRUN --mount=type=secret,id=netrc,target=/root/.netrc pip install --no-cache-dir --extra-index-url https://pypi.example.com/simple app==1.0\n' },
  },
  messages: {
    literal: 'this URL contains a password; it ends up in the image history and logs. Use a BuildKit secret (netrc or pip.conf mount).',
    variable: 'this URL takes its password from {{name}}, an {{kind}}, which is recorded in the image; pass it with `RUN --mount=type=secret,...,env={{name}}` instead.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      instruction(node) {
        const text = node.text.replace(/^([ \t]*#[^\n]*)$/gm, (m) => ' '.repeat(m.length));
        const start = model.index.offsetAt(node.range.start);
        const secretEnvs = new Set(node.kind === 'run' ? node.mounts.filter((m) => m.type === 'secret' && m.options.env).map((m) => m.options.env as string) : []);
        for (const m of text.matchAll(URL_CREDS)) {
          const pass = m[2] as string;
          const at = (m.index ?? 0) + m[0].indexOf('//') + 2;
          const range = model.index.rangeOf(start + at, start + (m.index ?? 0) + m[0].length - 1);
          const v = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(pass);
          if (!v) {
            ctx.report({ messageId: 'literal', range });
            continue;
          }
          const name = v[1] as string;
          if (secretEnvs.has(name)) continue;
          const b = node.scope.get(name);
          if (!b) continue; // from the environment of the RUN (e.g. a secret sourced in the script)
          ctx.report({ messageId: 'variable', range, data: { name, kind: b.kind === 'arg' ? 'ARG' : 'ENV' } });
        }
      },
    };
  },
});
