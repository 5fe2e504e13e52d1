import type { RunNode } from '../../dockerfile/model.js';
import type { ShellCommand } from '../../dockerfile/shell.js';
import { chainInstructions, runtimeStageOf, subcommand } from '../commands.js';
import { defineRule } from '../rule.js';

const APT = new Set(['apt-get', 'apt']);
/** /var/lib/apt, /var/lib/apt/lists or anything under the lists (`/var/lib/apt/lists/*`, `/var/lib/apt/lists/*_*`). */
const LISTS = /^\/var\/lib\/apt(\/\*?|\/lists(\/.*)?)?$/;

const isUpdate = (c: ShellCommand) => APT.has(c.name) && c.argv.some((w) => w.value === 'update');

/**
 * The command deletes the package lists: `rm -rf /var/lib/apt/lists/*` (or the folder, or /var/lib/apt),
 * `apt-get distclean` (apt 2.7.8+: everything under the lists but the Release files), or
 * `find /var/lib/apt/lists ... -delete`. `apt-get clean` empties /var/cache/apt/archives only.
 */
function removesLists(node: RunNode, c: ShellCommand): boolean {
  if (APT.has(c.name)) return ['distclean', 'dist-clean'].includes(subcommand(c) ?? '');
  const paths = c.argv.slice(1).map((w) => node.scope.expand(w.value).value);
  if (c.name === 'rm') return paths.some((p) => LISTS.test(p));
  if (c.name === 'find') return paths.some((p) => LISTS.test(p)) && paths.some((p) => p === '-delete' || p === '-exec');
  return false;
}

export const aptListsNotRemoved = defineRule({
  id: 'PC302',
  name: 'apt-lists-not-removed',
  kind: 'dockerfile',
  category: 'size',
  defaultSeverity: 'info',
  docs: {
    summary: '`apt-get update` leaves the package lists in the runtime image.',
    why: 'The lists under /var/lib/apt/lists are 20-50 MB that nothing uses at runtime, and stale lists make a later `apt-get install` in a derived image fail. Remove them in the same RUN, after the last `apt-get update`: `&& rm -rf /var/lib/apt/lists/*`, or `apt-get distclean` (apt 2.7.8 and later: Debian 13, Ubuntu 24.04; it keeps only the signed Release files), or keep them out of the layer with a cache or tmpfs mount on /var/lib/apt (or /var/lib/apt/lists). `apt-get clean` is not enough: it empties /var/cache/apt/archives, not the lists. Scope: the layers of the runtime image only (the runtime stage and the stages it is built FROM); a builder whose files are copied out selectively keeps its lists out of the image, where they only cost build cache (PC402 no-cache-mount). It cannot see a removal done by a script the RUN calls (`RUN ./cleanup.sh`), nor one in a later RUN (which does not shrink the image anyway).',
    bad: { code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\n' },
    good: { code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n' },
  },
  messages: { lists: 'this RUN runs `apt-get update` but does not remove /var/lib/apt/lists afterwards; add `&& rm -rf /var/lib/apt/lists/*` (or `apt-get distclean`).' },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const runtime = runtimeStageOf(model);
        if (!runtime) return;
        for (const node of chainInstructions(model, runtime)) {
          if (node.kind !== 'run') continue;
          const cmds = node.script.commands;
          const update = cmds.find(isUpdate);
          if (!update) continue;
          if (node.mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && /^\/var\/lib\/apt(\/lists)?\/?$/.test(m.target ?? ''))) continue;
          const lastUpdate = cmds.findLastIndex(isUpdate);
          if (cmds.slice(lastUpdate + 1).some((c) => removesLists(node, c))) continue;
          ctx.report({ messageId: 'lists', range: { start: (update.argv[0] ?? update.words[0])!.range.start, end: update.range.end } });
        }
      },
    };
  },
});
