/**
 * pip with requirement files: no tool beyond the venv's pip. The dependency layer is the
 * main requirement file (and every file it includes or constrains with), installed with
 * `--require-hashes` when the file carries hashes; the project is installed with
 * `pip install --no-deps .` when it is a package, else its code is copied.
 */
import type { ProjectFacts, RequirementsFacts } from '../../../inspect/model.js';
import { PIP_INDEX_ARG, PIP_CACHE, pipInstallProject, pipInstallRequirements, prunableSeeds } from '../shared.js';
import type { ManagerContext, ManagerPlan, ManagerRecipe, Step } from '../types.js';

/** Every file pip reads for the main requirements: the file, its -r includes and -c constraints. */
export function mainFiles(requirements: RequirementsFacts, constraints: string | undefined): string[] {
  const main = requirements.main;
  return [...new Set([main.path, ...main.includes, ...main.constraintFiles, ...(constraints ? [constraints] : [])])];
}

/** The dev requirement files the dev stage needs besides the main ones, bound into the workdir for the install. */
export function devBinds(requirements: RequirementsFacts, main: readonly string[], workdir: string): string[] {
  const files = requirements.dev.flatMap((f) => [f.path, ...f.includes, ...f.constraintFiles]).filter((f) => !main.includes(f));
  return [...new Set(files)].map((f) => `--mount=type=bind,source=${f},target=${workdir}/${f}`);
}

export function requirementsPlan(facts: ProjectFacts, context: ManagerContext): Omit<ManagerPlan, 'id' | 'displayName' | 'builderTitle' | 'tool' | 'builder' | 'toolPath' | 'toolCommand' | 'devSync'> {
  const requirements = facts.requirements;
  if (!requirements) throw new Error('a pip plan needs requirement files');
  const constraints = facts.config.constraints;
  const files = mainFiles(requirements, constraints);
  const devFiles = requirements.dev.map((f) => f.path);
  const install: Step = {
    commands: [pipInstallRequirements([requirements.main.path], { hashes: requirements.main.hashes, ...(constraints ? { constraints: [constraints] } : {}) })],
    caches: [PIP_CACHE],
    secret: true,
  };
  const installDev: Step[] =
    devFiles.length > 0
      ? [
          {
            commands: [pipInstallRequirements(devFiles, { hashes: requirements.dev.every((f) => f.hashes) })],
            caches: [PIP_CACHE],
            secret: true,
            mounts: devBinds(requirements, files, context.workdir),
          },
        ]
      : [];
  return {
    venvEnv: [],
    compilesBytecode: false,
    createsVenv: true,
    dependencyFiles: files,
    installDependencies: install,
    installProject: context.isPackage ? pipInstallProject(constraints ? [constraints] : []) : undefined,
    installDev,
    locked: facts.lock !== undefined,
    lockName: requirements.main.path,
    pruneFromVenv: prunableSeeds(facts),
  };
}

function plan(facts: ProjectFacts, context: ManagerContext): ManagerPlan {
  const requirements = facts.requirements;
  const shared = requirementsPlan(facts, context);
  const all = requirements ? [requirements.main.path, ...requirements.dev.map((f) => f.path)] : [];
  return {
    id: 'pip',
    displayName: 'pip',
    builderTitle: 'the base image and its pip',
    tool: { label: `pip (from the base image), ${all.join(' + ')}`, source: requirements ? { file: requirements.main.path, line: 1 } : undefined },
    builder: { args: [], indexArg: PIP_INDEX_ARG, env: [], copies: [], steps: [] },
    ...shared,
    devSync: all.length > 0 ? pipInstallRequirements(all, { hashes: false }) : undefined,
    toolPath: [],
    toolCommand: ['pip', '--version'],
  };
}

export const pip: ManagerRecipe = { id: 'pip', plan };
