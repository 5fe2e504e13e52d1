import { composeServices, dirname, isObj, joinPath, valueRange } from '../compose-model.js';
import type { IgnoreFile } from '../files.js';
import { isIgnored } from '../ignore-match.js';
import { defineRule } from '../rule.js';

const SYNC = new Set(['sync', 'sync+restart', 'sync+exec']);

/** `develop.watch[].ignore` as an ignore file (it uses .dockerignore syntax, relative to the watched path). */
function ignoreList(patterns: readonly string[]): IgnoreFile {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const entries = patterns.map((p, line) => ({ pattern: p.trim().replace(/^!/, '').trim(), negated: p.trim().startsWith('!'), line, range }));
  return { path: 'ignore', text: patterns.join('\n'), index: undefined as never, entries };
}

export const composeWatchSyncsVenv = defineRule({
  id: 'PC710',
  name: 'compose-watch-syncs-venv',
  kind: 'compose',
  category: 'compose',
  defaultSeverity: 'warning',
  docs: {
    summary: '`develop.watch` syncs the project folder into the container without ignoring `.venv`.',
    why: '`docker compose watch` copies every changed file under a `sync` path into the container. Without `ignore: [.venv/]` the host\'s virtualenv (built for another OS or Python, with links to the host interpreter) is copied over the container\'s, and every `uv sync`/`poetry install` on the host triggers a flood of copies. Ignore `.venv/` in the watch rule (or exclude it in .dockerignore, which watch also honours).',
    bad: { code: 'services:\n  web:\n    build: .\n    develop:\n      watch:\n        - action: sync\n          path: .\n          target: /app\n' },
    good: { code: 'services:\n  web:\n    build: .\n    develop:\n      watch:\n        - action: sync\n          path: .\n          target: /app\n          ignore:\n            - .venv/\n' },
  },
  messages: { syncsVenv: 'this `{{action}}` watch copies the host\'s .venv into the container; add `ignore: [.venv/]`.' },
  create(ctx) {
    return {
      done() {
        const root = dirname(ctx.compose.path);
        for (const svc of composeServices(ctx.compose)) {
          const develop = svc.value.develop;
          const watch = isObj(develop) ? develop.watch : undefined;
          if (!Array.isArray(watch)) continue;
          watch.forEach((w: unknown, i) => {
            if (!isObj(w) || typeof w.action !== 'string' || !SYNC.has(w.action) || typeof w.path !== 'string') return;
            // Only the project folder itself holds the .venv.
            if (joinPath(root, w.path) !== joinPath(root, '.')) return;
            const ignore = Array.isArray(w.ignore) ? w.ignore.filter((x): x is string => typeof x === 'string') : [];
            if (isIgnored(ignoreList(ignore), '.venv/pyvenv.cfg').excluded) return;
            if (ctx.dockerignore && isIgnored(ctx.dockerignore, '.venv/pyvenv.cfg').excluded) return;
            ctx.report({ messageId: 'syncsVenv', range: valueRange(ctx.compose, [...svc.path, 'develop', 'watch', i, 'path']), data: { action: w.action } });
          });
        }
      },
    };
  },
});
