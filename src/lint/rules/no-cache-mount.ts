import { classifyInstall, verbRange, verbText } from '../analysis.js';
import { cacheMounted, cacheOwners, defaultCacheDir, pipFetchDownloads, type CacheOwner } from '../caches.js';
import { defineRule } from '../rule.js';

export const noCacheMount = defineRule({
  id: 'PC402',
  name: 'no-cache-mount',
  kind: 'dockerfile',
  category: 'speed',
  defaultSeverity: 'info',
  docs: {
    summary: 'A dependency install runs without a BuildKit cache mount on its installer\'s cache, so every rebuild downloads every package again.',
    why: 'When the lock changes, the install layer is rebuilt from nothing: without a cache mount the installer downloads every wheel again (minutes on a big project, and traffic on your index). Mount the cache of the installer that runs: `RUN --mount=type=cache,target=/root/.cache/pip` for pip (also `pip wheel` and `pip download` of dependencies), pip-sync and Hatch environments (`hatch env create`); /root/.cache/uv for `uv sync`, `uv pip install` and `uv pip sync`; /root/.cache/pypoetry for Poetry; /root/.cache/pdm for `pdm install`/`pdm sync`; /root/.cache/pipenv for `pipenv install`/`pipenv sync` (pipenv points pip there). A mount on /root/.cache (or `$HOME/.cache`, any `.cache` folder) covers them all, since each cache lives under it; one where `PIP_CACHE_DIR`, `UV_CACHE_DIR`, `XDG_CACHE_HOME`, ... point counts too. A mount on another tool\'s cache does not help: Poetry never reads pip\'s. Scope: every stage, builder stages included, because that is where the mount saves the downloads; turning the cache off (`--no-cache-dir`) keeps the image small (PC304) but does not make rebuilds faster. It cannot see the home of the user the install runs as: a mount on a `.cache` folder is taken for that user\'s, and an install hidden in a script (`RUN ./install.sh`) is not seen.',
    bad: { code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    good: { code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n' },
  },
  messages: { noMount: '`{{command}}` runs without a cache mount; add `--mount=type=cache,target={{target}}` so rebuilds reuse downloads.' },
  create(ctx) {
    return {
      RUN(node) {
        for (const cmd of node.script.commands) {
          const inst = classifyInstall(cmd);
          let owners: readonly CacheOwner[];
          if (inst?.dependencies) owners = cacheOwners(inst.tool);
          else if (!inst && pipFetchDownloads(cmd)) owners = ['pip'];
          else continue;
          const first = owners[0];
          if (!first || owners.some((o) => cacheMounted(node, cmd, o))) continue;
          ctx.report({ messageId: 'noMount', range: verbRange(cmd), data: { command: verbText(cmd), target: defaultCacheDir(first) } });
          return;
        }
      },
    };
  },
});
