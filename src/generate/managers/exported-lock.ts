/**
 * PDM and pipenv install through their lock's export: the tool writes the locked
 * requirements with their hashes, pip installs them in hash-checking mode. The install is
 * then the same, and as strict, for every lock format (a package the export lacks fails the
 * build instead of being resolved), and the tool's own venv handling, update checks and
 * start-up stay out of the dependency layer.
 */
import { PIP_INDEX_ARG, PIP_CACHE, PIPX_ENV, pipInstallProject, pipxInstall, pipxVersion, prunableSeeds } from './shared.js';
import type { ProjectFacts } from '../../inspect/model.js';
import type { ManagerContext, ManagerPlan, Step } from './types.js';

export interface ExportedLockTool {
  readonly id: 'pdm' | 'pipenv';
  readonly displayName: string;
  readonly versionArg: string;
  readonly defaultVersion: string;
  readonly env: readonly (readonly [string, string])[];
  readonly cache: string;
  readonly projectFiles: readonly string[];
  readonly lockFile: string;
  /** Writes the lock (unlocked projects lock on build day). */
  readonly lock: string;
  /** Fails when the lock no longer matches the project: the export alone would silently use the old lock. */
  readonly checkLock: string;
  /** Prints the runtime requirements with hashes to the file. */
  exportMain(file: string): string;
  /** Prints every group's requirements (runtime included) with hashes to the file. */
  exportDev(file: string): string;
}

export function exportedLockPlan(tool: ExportedLockTool, facts: ProjectFacts, context: ManagerContext): ManagerPlan {
  const version = facts.tool?.version.value ?? tool.defaultVersion;
  const pipx = pipxVersion(facts);
  const locked = facts.lock !== undefined;
  const relock = locked ? [tool.checkLock] : [tool.lock];
  const caches = [tool.cache, PIP_CACHE];
  // The export names the index as written (a URL with credentials in it included): it lives on
  // a tmpfs, never in a layer.
  const installFrom = (exportCommand: string, file: string): Step => ({
    commands: [...relock, exportCommand, `pip install --require-hashes -r ${file}`],
    caches,
    secret: true,
    mounts: ['--mount=type=tmpfs,target=/tmp'],
  });
  return {
    id: tool.id,
    displayName: tool.displayName,
    builderTitle: `pinned pipx and ${tool.displayName}`,
    tool: { label: `${tool.id} ${version} (pipx ${pipx})`, source: facts.tool?.version.source },
    builder: {
      indexArg: PIP_INDEX_ARG,
      args: [
        ['PIPX_VERSION', pipx],
        [tool.versionArg, version],
      ],
      env: [...PIPX_ENV, ...tool.env],
      copies: [],
      steps: [pipxInstall(tool.id, tool.versionArg)],
    },
    venvEnv: [],
    compilesBytecode: false,
    createsVenv: true,
    dependencyFiles: locked ? [...tool.projectFiles, tool.lockFile] : [...tool.projectFiles],
    installDependencies: installFrom(tool.exportMain('/tmp/requirements.txt'), '/tmp/requirements.txt'),
    installProject: context.isPackage ? pipInstallProject() : undefined,
    installDev: [installFrom(tool.exportDev('/tmp/requirements-dev.txt'), '/tmp/requirements-dev.txt')],
    devSync: `${locked ? `${tool.checkLock} && ` : ''}${tool.exportDev('/tmp/requirements-dev.txt')} && pip install --require-hashes -r /tmp/requirements-dev.txt`,
    toolPath: ['/opt/pipx/bin'],
    toolCommand: [tool.id, '--version'],
    locked: locked,
    lockName: tool.lockFile,
    pruneFromVenv: prunableSeeds(facts),
  };
}
