/** PDM: pdm.lock exported with hashes (`pdm export`) and installed by pip; see ../exported-lock.ts. */
import { DEFAULT_TOOL_VERSIONS } from '../../../inspect/managers/tool-versions.js';
import { exportedLockPlan, type ExportedLockTool } from '../exported-lock.js';
import type { ManagerRecipe } from '../types.js';

const PDM: ExportedLockTool = {
  id: 'pdm',
  displayName: 'PDM',
  versionArg: 'PDM_VERSION',
  defaultVersion: DEFAULT_TOOL_VERSIONS.pdm,
  // PDM asks pypi.org for a newer PDM on every command unless told not to.
  env: [['PDM_CHECK_UPDATE', 'false']],
  cache: '/root/.cache/pdm',
  projectFiles: ['pyproject.toml'],
  lockFile: 'pdm.lock',
  lock: 'pdm lock',
  checkLock: 'pdm lock --check',
  exportMain: (file) => `pdm export --prod -o ${file}`,
  // Every locked group (pdm lock leaves optional groups out unless asked; -G :all would fail on them).
  exportDev: (file) => `pdm export -o ${file}`,
};

export const pdm: ManagerRecipe = { id: 'pdm', plan: (facts, context) => exportedLockPlan(PDM, facts, context) };
