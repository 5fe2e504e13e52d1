import { classifyInstall, isLocalOrUrlPackage, requirementName, verbRange, verbText } from '../analysis.js';
import { cacheDisabled, cacheMounted, cacheOwners, cacheRemoved, defaultCacheDir, pipFetchDownloads, type CacheOwner } from '../caches.js';
import { chainInstructions, runtimeStageOf } from '../commands.js';
import { defineRule } from '../rule.js';

const OFF: Readonly<Record<'pdm' | 'pipenv', string>> = {
  pdm: 'remove /root/.cache/pdm in the same RUN',
  pipenv: 'PIP_NO_CACHE_DIR=1 (or remove /root/.cache/pipenv in the same RUN)',
};

export const installCacheInLayer = defineRule({
  id: 'PC304',
  name: 'install-cache-in-layer',
  kind: 'dockerfile',
  category: 'size',
  defaultSeverity: 'warning',
  docs: {
    summary: 'pip, uv, Poetry, PDM or pipenv leaves its download cache in a layer of the runtime image.',
    why: 'Installers keep every downloaded wheel in a cache: pip in ~/.cache/pip, uv in ~/.cache/uv, Poetry in ~/.cache/pypoetry, PDM in ~/.cache/pdm, pipenv in ~/.cache/pipenv (it points pip there too). Written in a RUN, that cache becomes part of the layer and often doubles its size, and deleting it in a later RUN does not shrink the image. `pip wheel` and `pip download` fill pip\'s cache too. Use a BuildKit cache mount on the folder, or on ~/.cache (`/root/.cache`, `$HOME/.cache`) for all of them, since each cache lives under it (which also speeds up rebuilds); a mount where `PIP_CACHE_DIR`, `UV_CACHE_DIR`, `POETRY_CACHE_DIR` or `XDG_CACHE_HOME` point counts too, or turn the cache off (`pip install --no-cache-dir`, which pip also takes as a unique prefix such as `--no-cache`; `PIP_NO_CACHE_DIR=1`; `UV_NO_CACHE=1`, `poetry install --no-cache`). Scope: the layers of the runtime image only, that is the runtime stage and the stages it is built FROM. A builder stage whose files are copied out selectively (`COPY --from=build /opt/venv /opt/venv`) keeps its cache out of the image; it only costs build cache there, which PC402 no-cache-mount is about. It cannot see the home of the user the install runs as (a mount on a `.cache` folder is taken for that user\'s), nor an install inside a script the RUN calls.',
    bad: { code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n' },
    good: { code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n' },
  },
  messages: {
    pip: '`{{command}}` keeps its cache in this layer of the runtime image; add --no-cache-dir or `--mount=type=cache,target=/root/.cache/pip`.',
    uv: '`{{command}}` keeps its cache in this layer of the runtime image; use `--mount=type=cache,target=/root/.cache/uv` or `UV_NO_CACHE=1`.',
    poetry: '`{{command}}` keeps its cache in this layer of the runtime image; use `--mount=type=cache,target=/root/.cache/pypoetry` or remove $POETRY_CACHE_DIR in the same RUN.',
    other: '`{{command}}` keeps its cache ({{dir}}) in this layer of the runtime image; use `--mount=type=cache,target={{dir}}` or {{off}}.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const runtime = runtimeStageOf(model);
        if (!runtime) return;
        const nodes = chainInstructions(model, runtime);
        const globalNoCache = nodes.some((n) => /no-cache-dir|PIP_NO_CACHE_DIR/i.test(n.text) && n.kind !== 'run');
        for (const node of nodes) {
          if (node.kind !== 'run') continue;
          for (const cmd of node.script.commands) {
            const inst = classifyInstall(cmd);
            if (!inst && !pipFetchDownloads(cmd)) continue;
            const owners = inst ? cacheOwners(inst.tool) : (['pip'] as const);
            if (owners.length === 0) continue;
            if (inst?.tool === 'pip') {
              if (inst.packages.length > 0 && inst.packages.every((p) => isLocalOrUrlPackage(p.value)) && inst.requirementFiles.length === 0) continue;
              // Upgrading pip itself (and setuptools/wheel) caches a few MB at most.
              if (inst.requirementFiles.length === 0 && inst.packages.length > 0 && inst.packages.every((p) => ['pip', 'setuptools', 'wheel'].includes(requirementName(p.value)))) continue;
            }
            if (owners.includes('pip') && globalNoCache) continue;
            const handled = owners.some((o) => cacheMounted(node, cmd, o) || cacheDisabled(node, cmd, o) || cacheRemoved(node, o));
            if (handled) continue;
            const owner = owners[0] as CacheOwner;
            const command = verbText(cmd);
            const range = verbRange(cmd);
            if (owner === 'pip' || owner === 'uv' || owner === 'poetry') ctx.report({ messageId: owner, range, data: { command } });
            else ctx.report({ messageId: 'other', range, data: { command, dir: defaultCacheDir(owner), off: OFF[owner] } });
          }
        }
      },
    };
  },
});
