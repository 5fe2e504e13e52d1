/**
 * pip-tools: the compiled requirement files are the lock, installed as pip's are; the
 * builder pins pip-tools so the dev container can re-compile (`pip-compile`) and the dev
 * start runs `pip-sync`, which also removes what the files no longer list.
 */
import { DEFAULT_TOOL_VERSIONS } from '../../../inspect/managers/tool-versions.js';
import type { ProjectFacts } from '../../../inspect/model.js';
import { requirementsPlan } from '../pip/index.js';
import { PIP_INDEX_ARG, PIPX_ENV, pipxInstall, pipxVersion } from '../shared.js';
import type { ManagerContext, ManagerPlan, ManagerRecipe } from '../types.js';

function plan(facts: ProjectFacts, context: ManagerContext): ManagerPlan {
  const version = facts.tool?.version.value ?? DEFAULT_TOOL_VERSIONS['pip-tools'];
  const pipx = pipxVersion(facts);
  const requirements = facts.requirements;
  const all = requirements ? [requirements.main.path, ...requirements.dev.map((f) => f.path)] : [];
  return {
    id: 'pip-tools',
    displayName: 'pip-tools',
    builderTitle: 'pinned pipx and pip-tools',
    tool: { label: `pip-tools ${version} (pipx ${pipx}), ${all.join(' + ')}`, source: facts.tool?.version.source },
    builder: {
      indexArg: PIP_INDEX_ARG,
      args: [
        ['PIPX_VERSION', pipx],
        ['PIP_TOOLS_VERSION', version],
      ],
      env: [...PIPX_ENV],
      copies: [],
      steps: [pipxInstall('pip-tools', 'PIP_TOOLS_VERSION')],
    },
    ...requirementsPlan(facts, context),
    // pip-sync installs into the interpreter it is told to: the venv's.
    devSync: all.length > 0 ? `pip-sync --python-executable "\${VIRTUAL_ENV}/bin/python" ${all.join(' ')}` : undefined,
    toolPath: ['/opt/pipx/bin'],
    toolCommand: ['pip-compile', '--version'],
  };
}

export const pipTools: ManagerRecipe = { id: 'pip-tools', plan };
