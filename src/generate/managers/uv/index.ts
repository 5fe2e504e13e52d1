/**
 * uv, as uv's Docker guide does it (docs/guides/integration/docker.md, cited in docs/init.md):
 * the pinned binary copied from ghcr.io/astral-sh/uv into the builder only; the venv at
 * /opt/venv through UV_PROJECT_ENVIRONMENT; the system Python only (UV_PYTHON_DOWNLOADS=0);
 * bytecode compiled by uv (UV_COMPILE_BYTECODE=1); copies, not hard links, from the cache
 * mount (UV_LINK_MODE=copy). The dependency layer is `uv sync --locked --no-install-project`
 * from pyproject.toml + uv.lock (workspaces: `--frozen --no-install-workspace`, since the
 * members' pyproject files are not there yet); the project follows, non-editable.
 */
import { DEFAULT_TOOL_VERSIONS } from '../../../inspect/managers/tool-versions.js';
import type { ProjectFacts } from '../../../inspect/model.js';
import { PROJECT_ROOT } from '../shared.js';
import type { ManagerContext, ManagerPlan, ManagerRecipe, Step } from '../types.js';

const UV_CACHE = '/root/.cache/uv';

function plan(facts: ProjectFacts, context: ManagerContext): ManagerPlan {
  const version = facts.tool?.version.value ?? DEFAULT_TOOL_VERSIONS.uv;
  const locked = facts.lock !== undefined;
  const workspace = (facts.lock?.workspaceMembers?.length ?? 0) > 1;
  // A workspace's dependency layer lacks the members' pyproject files, which --locked checks against.
  const lockFlag = !locked ? '' : workspace ? '--frozen' : '--locked';
  const sync = (...flags: string[]) => ['uv sync', ...flags].filter(Boolean).join(' ');
  const step = (command: string | readonly string[]): Step => ({ commands: typeof command === 'string' ? [command] : command, caches: [UV_CACHE], secret: true });
  const deps = workspace
    ? sync(lockFlag, '--all-packages', '--no-install-workspace', '--no-dev', '--no-editable')
    : sync(lockFlag, '--no-install-project', '--no-dev', '--no-editable');
  const groups = context.devGroups.length > 0 ? '--all-groups' : '';
  // On start, install exactly the mounted lock and never rewrite it (--locked would refuse a
  // lock the developer is in the middle of changing, and the container would not start).
  const devStartFlag = locked ? '--frozen' : '';
  return {
    id: 'uv',
    displayName: 'uv',
    builderTitle: 'the pinned uv binary',
    tool: { label: `uv ${version} (ghcr.io/astral-sh/uv)`, source: facts.tool?.version.source },
    builder: {
      args: [],
      indexArg: ['UV_DEFAULT_INDEX', '# uv reads UV_DEFAULT_INDEX: pass a mirror with --build-arg, never credentials.'],
      env: [
        ['UV_PYTHON_DOWNLOADS', '0'],
        ['UV_LINK_MODE', 'copy'],
      ],
      // COPY --from takes no build args: the version is written here (pycrane init updates it).
      copies: [`COPY --from=ghcr.io/astral-sh/uv:${version} /uv /uvx /bin/`],
      steps: [],
    },
    venvEnv: [
      ['UV_PROJECT_ENVIRONMENT', context.venv],
      ['UV_COMPILE_BYTECODE', '1'],
    ],
    compilesBytecode: true,
    createsVenv: false,
    dependencyFiles: locked ? ['pyproject.toml', 'uv.lock'] : ['pyproject.toml'],
    installDependencies: step(deps),
    // The project's wheel (every member's, in a workspace), installed under PROJECT_ROOT for the
    // app's project layer: `--prefix` with `--python` of the venv writes scripts that run the
    // venv's interpreter (crates/uv-cli/src/lib.rs:2424-2436 of uv 0.12.5).
    installProject:
      context.isPackage || workspace
        ? step([
            `uv build --wheel ${workspace ? '--all-packages ' : ''}--out-dir /tmp/dist`,
            `uv pip install --no-deps --python "\${VIRTUAL_ENV}/bin/python" --prefix "${PROJECT_ROOT}\${VIRTUAL_ENV}" /tmp/dist/*.whl`,
          ])
        : undefined,
    installDev: [step(sync(lockFlag, workspace ? '--no-install-workspace' : '--no-install-project', groups, '--all-extras'))],
    devSync: sync(devStartFlag, workspace ? '--no-install-workspace' : '--no-install-project', groups, '--all-extras'),
    toolPath: [],
    toolCommand: ['uv', '--version'],
    locked: locked,
    lockName: locked ? 'uv.lock' : 'pyproject.toml',
    // uv's venvs hold no pip or setuptools.
    pruneFromVenv: [],
  };
}

export const uv: ManagerRecipe = { id: 'uv', plan };
