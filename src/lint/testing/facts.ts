import { fact } from '../../core/location.js';
import type { PackageManager, ProjectFacts, RequirementsFacts, ToolFacts } from '../../inspect/model.js';
import type { RequirementsFile } from '../../inspect/requirements/parse.js';
import { DEFAULT_TOOL_VERSIONS } from '../../inspect/managers/tool-versions.js';
import type { FactsInput } from '../facts-input.js';

const LOCK_PATH: Readonly<Partial<Record<PackageManager, string>>> = {
  poetry: 'poetry.lock',
  uv: 'uv.lock',
  pdm: 'pdm.lock',
  pipenv: 'Pipfile.lock',
  'pip-tools': 'requirements.txt',
  pip: 'requirements.txt',
};

function requirementsFile(path: string, pinned: boolean, hashes: boolean): RequirementsFile {
  return { path, requirements: [], constraints: [], includes: [], constraintFiles: [], indexUrl: undefined, extraIndexUrls: [], findLinks: [], noIndex: false, header: undefined, hashes, pinned, issues: [] };
}

function requirementsOf(input: FactsInput, manager: PackageManager): RequirementsFacts | undefined {
  if (manager !== 'pip' && manager !== 'pip-tools' && !input.requirements) return undefined;
  const files = (input.requirements ?? [{ path: 'requirements.txt', pinned: true }]).map((f) => requirementsFile(f.path, f.pinned ?? true, f.hashes ?? false));
  const [main, ...dev] = files;
  if (!main) return undefined;
  return { main, dev, inputs: input.requirementInputs ?? (manager === 'pip-tools' ? ['requirements.in'] : []) };
}

/** ProjectFacts for tests and docs examples, from a few fields. */
export function makeFacts(input: FactsInput = {}): ProjectFacts {
  const pyproject = { file: 'pyproject.toml', line: 1 };
  const gen = input.lockGenerator ? /^(\S+)\s+(\S+)$/.exec(input.lockGenerator) : null;
  const backend = input.manager === 'hatch' ? 'hatchling.build' : input.manager === 'setuptools' ? 'setuptools.build_meta' : undefined;
  const manager: PackageManager = input.manager === 'hatch' || input.manager === 'setuptools' ? 'pep621' : (input.manager ?? 'poetry');
  const lockPath = LOCK_PATH[manager];
  const locked = lockPath !== undefined && (input.lock ?? true);
  const stated = { file: 'pyproject.toml', line: 7 };
  const poetryVersion = input.toolVersion ?? gen?.[2] ?? '2.1.2';
  const tool: ToolFacts | undefined =
    manager === 'poetry'
      ? { name: 'poetry', version: fact(poetryVersion, pyproject) }
      : manager === 'uv' || manager === 'pdm' || manager === 'pipenv' || manager === 'pip-tools'
        ? { name: manager, version: input.toolVersion ? fact(input.toolVersion, stated) : fact(DEFAULT_TOOL_VERSIONS[manager], undefined) }
        : undefined;
  return {
    files: ['pyproject.toml', ...(locked && lockPath ? [lockPath] : [])],
    name: fact(input.name ?? 'demo', pyproject),
    version: fact('0.1.0', pyproject),
    description: undefined,
    license: undefined,
    authors: [],
    manager: fact(manager, pyproject),
    tool,
    poetry: manager === 'poetry' ? { style: 2, version: fact(poetryVersion, pyproject) } : undefined,
    buildBackend: backend ? fact(backend, pyproject) : undefined,
    requirements: requirementsOf(input, manager),
    dynamicDependencies: false,
    pureSources: undefined,
    configFile: 'pyproject.toml',
    web: { app: undefined, celery: undefined, services: [] },
    python: {
      constraints: input.requiresPython ? [fact(input.requiresPython, { file: 'pyproject.toml', line: 5 })] : [],
      selected: fact('3.13', pyproject),
      supported: ['3.13', '3.12', '3.11', '3.10'],
      image: fact('python:3.13-slim', pyproject),
    },
    isPackage: fact(input.isPackage ?? true, pyproject),
    layout: { kind: 'src', packages: [], mainModules: [] },
    scripts: (input.scripts ?? []).map((name) => ({ name, target: `${name.replace(/-/g, '_')}.cli:main`, source: pyproject })),
    groups: [],
    lock:
      locked && lockPath
        ? {
            path: lockPath,
            generator: gen ? fact({ tool: (gen[1] as string).toLowerCase(), version: gen[2] as string }, { file: lockPath, line: 1 }) : undefined,
            lockVersion: undefined,
            contentHash: undefined,
            fresh: true,
            packages: [],
          }
        : undefined,
    indexes: [],
    config: {},
    issues: [],
  };
}
