/** pipenv: Pipfile.lock exported with hashes (`pipenv requirements`) and installed by pip; see ../exported-lock.ts. */
import { DEFAULT_TOOL_VERSIONS } from '../../../inspect/managers/tool-versions.js';
import { exportedLockPlan, type ExportedLockTool } from '../exported-lock.js';
import type { ManagerRecipe } from '../types.js';

const PIPENV: ExportedLockTool = {
  id: 'pipenv',
  displayName: 'pipenv',
  versionArg: 'PIPENV_VERSION',
  defaultVersion: DEFAULT_TOOL_VERSIONS.pipenv,
  env: [
    ['PIPENV_VERBOSITY', '-1'],
    ['PIPENV_NOSPIN', '1'],
  ],
  cache: '/root/.cache/pipenv',
  projectFiles: ['Pipfile'],
  lockFile: 'Pipfile.lock',
  lock: 'pipenv lock',
  checkLock: 'pipenv verify',
  exportMain: (file) => `pipenv requirements --hash > ${file}`,
  exportDev: (file) => `pipenv requirements --dev --hash > ${file}`,
};

export const pipenv: ManagerRecipe = { id: 'pipenv', plan: (facts, context) => exportedLockPlan(PIPENV, facts, context) };
