/**
 * Poetry: pinned pipx + Poetry in the builder (Poetry's version from the lock's generator);
 * the dependency layer from pyproject.toml + poetry.lock with `--no-root --only main`; the
 * project built by Poetry as a wheel; `poetry sync` (2.x) or `install --sync` (1.x) on dev start.
 */
import type { ProjectFacts } from '../../../inspect/model.js';
import { LATEST_POETRY } from '../../../inspect/poetry-versions.js';
import { PIP_INDEX_ARG, PIP_CACHE, PROJECT_ROOT, PIPX_ENV, pipxInstall, pipxVersion, prunableSeeds } from '../shared.js';
import type { ManagerContext, ManagerPlan, ManagerRecipe, Step } from '../types.js';

const CACHES = ['/root/.cache/pypoetry', PIP_CACHE];

function majorOf(version: string): number {
  const major = Number.parseInt(version.split('.')[0] ?? '', 10);
  return Number.isNaN(major) ? 0 : major;
}

function plan(facts: ProjectFacts, context: ManagerContext): ManagerPlan {
  const version = facts.tool?.version.value ?? facts.poetry?.version.value ?? LATEST_POETRY[2];
  const pipx = pipxVersion(facts);
  const major = majorOf(version);
  const locked = facts.lock !== undefined;
  const withGroups = context.devGroups.length > 0 ? ` --with ${context.devGroups.join(',')}` : '';
  const step = (command: string): Step => ({ commands: [command], caches: CACHES, secret: true });
  return {
    id: 'poetry',
    displayName: 'Poetry',
    builderTitle: 'pinned pipx and Poetry',
    tool: { label: `poetry ${version} (pipx ${pipx})`, source: facts.tool?.version.source ?? facts.poetry?.version.source },
    builder: {
      indexArg: PIP_INDEX_ARG,
      args: [
        ['PIPX_VERSION', pipx],
        ['POETRY_VERSION', version],
      ],
      env: [...PIPX_ENV, ['POETRY_NO_INTERACTION', '1']],
      copies: [],
      steps: [pipxInstall('poetry', 'POETRY_VERSION')],
    },
    venvEnv: [],
    compilesBytecode: false,
    createsVenv: true,
    dependencyFiles: locked ? ['pyproject.toml', 'poetry.lock'] : ['pyproject.toml'],
    installDependencies: step('poetry install --no-root --only main'),
    installProject: context.isPackage
      ? { commands: ['poetry build --format wheel', `pip install --no-deps --no-index --root ${PROJECT_ROOT} dist/*.whl`], caches: [], secret: false }
      : undefined,
    installDev: [step(`poetry install --no-root${withGroups}`)],
    devSync: major >= 2 ? `poetry sync --no-root${withGroups}` : `poetry install --sync --no-root${withGroups}`,
    toolPath: ['/opt/pipx/bin'],
    toolCommand: ['poetry', '--version'],
    locked: locked,
    lockName: 'poetry.lock',
    pruneFromVenv: prunableSeeds(facts),
  };
}

export const poetry: ManagerRecipe = { id: 'poetry', plan };
