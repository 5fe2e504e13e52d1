/**
 * PEP 621 builds without a lock: pip installs the dependencies `[project]` declares (read
 * from pyproject.toml inside the build, by the base image's own TOML reader, so the layer
 * follows pyproject.toml without re-running init), within `[tool.pycrane] constraints`;
 * then the project itself with `pip install --no-deps .`. When the dependencies are dynamic
 * (computed by setup.py or the backend), there is no separate dependency layer: the project
 * is installed with its dependencies in app-build.
 */
import type { ProjectFacts } from '../../../inspect/model.js';
import { PIP_INDEX_ARG, PIP_CACHE, PROJECT_ROOT, pipInstallProject, pipInstallRequirements, prunableSeeds } from '../shared.js';
import type { ManagerContext, ManagerPlan, ManagerRecipe, Step } from '../types.js';

/**
 * Prints the requirements of `[project] dependencies` (no arguments) or of the named
 * dependency groups / extras, one per line. tomllib is in the standard library from 3.11;
 * older interpreters use the tomli that pip vendors.
 */
export function printRequirements(groups: readonly string[]): string {
  const script = [
    'import sys',
    't = __import__("tomllib") if sys.version_info >= (3, 11) else __import__("pip._vendor.tomli", fromlist=["load"])',
    'd = t.load(open("pyproject.toml", "rb"))',
    'p = d.get("project", {})',
    'g = d.get("dependency-groups", {})',
    'n = sys.argv[1:]',
    'print("\\n".join(p.get("dependencies", []) if not n else [r for k in n for r in (g.get(k) or p.get("optional-dependencies", {}).get(k, [])) if isinstance(r, str)]))',
  ].join('; ');
  return `python -c '${script}'${groups.map((g) => ` ${g}`).join('')}`;
}

/** Where the requirements read from setup.py / setup.cfg are written in the image. */
const SETUP_REQUIREMENTS = '/tmp/requirements.txt';

function plan(facts: ProjectFacts, context: ManagerContext): ManagerPlan {
  const constraints = facts.config.constraints;
  const c = constraints ? [constraints] : [];
  const fromPyproject = facts.files.includes('pyproject.toml') && !facts.dynamicDependencies;
  // setup.py / setup.cfg with literal requirements: pycrane wrote them down (`init --check` sees them change).
  const main = (facts.groups.find((g) => g.name === 'main')?.dependencies ?? []).filter((d) => !d.optional);
  const literal = !fromPyproject && !facts.dynamicDependencies && main.length > 0 && main.every((d) => d.requirement !== undefined) ? main : undefined;
  const install: Step | undefined = fromPyproject
    ? {
        commands: [`${printRequirements([])} > /tmp/requirements.txt`, pipInstallRequirements(['/tmp/requirements.txt'], { hashes: false, constraints: c })],
        caches: [PIP_CACHE],
        secret: true,
      }
    : literal
      ? { commands: [pipInstallRequirements([SETUP_REQUIREMENTS], { hashes: false, constraints: c })], caches: [PIP_CACHE], secret: true }
      : undefined;
  // Dynamic dependencies come with the project: pip resolves them while installing it.
  const project: Step = install
    ? pipInstallProject(c)
    : { commands: [['pip install', `--root ${PROJECT_ROOT}`, ...c.flatMap((f) => ['-c', f]), '.'].join(' ')], caches: [PIP_CACHE], secret: true };
  const groups = context.devGroups;
  const installDev: Step[] =
    fromPyproject && groups.length > 0
      ? [
          {
            commands: [`${printRequirements(groups)} > /tmp/requirements-dev.txt`, pipInstallRequirements(['/tmp/requirements-dev.txt'], { hashes: false, constraints: c })],
            caches: [PIP_CACHE],
            secret: true,
          },
        ]
      : [];
  const backend = facts.buildBackend?.value.split(/[.:]/)[0] ?? 'setuptools';
  return {
    id: 'pep621',
    displayName: 'pip',
    builderTitle: 'the base image and its pip',
    tool: { label: `pip, ${backend} builds the project${constraints ? `; constraints ${constraints}` : '; nothing locked'}`, source: facts.buildBackend?.source },
    builder: { args: [], indexArg: PIP_INDEX_ARG, env: [], copies: [], steps: [] },
    venvEnv: [],
    compilesBytecode: false,
    createsVenv: true,
    dependencyFiles: fromPyproject ? ['pyproject.toml', ...c] : c,
    ...(literal ? { inlineFiles: [{ path: SETUP_REQUIREMENTS, lines: literal.map((d) => d.requirement ?? d.name) }] } : {}),
    installDependencies: install,
    installProject: context.isPackage || !install ? project : undefined,
    installDev,
    devSync: undefined,
    toolPath: [],
    toolCommand: ['pip', '--version'],
    locked: false,
    lockName: constraints ?? 'pyproject.toml',
    pruneFromVenv: prunableSeeds(facts),
  };
}

export const pep621: ManagerRecipe = { id: 'pep621', plan };
