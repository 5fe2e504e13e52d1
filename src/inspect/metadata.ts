/**
 * The project's own metadata (name, version, scripts, Python constraint, main and extra
 * dependencies): from pyproject.toml when it has `[project]` or `[tool.poetry]`, else from
 * setup.cfg and setup.py (setup() arguments win over setup.cfg, as setuptools does).
 * Values setup.py computes at run time are reported, with what was assumed.
 */
import { UserError } from '../core/errors.js';
import type { Issue } from '../core/issue.js';
import { type Fact, fact } from '../core/location.js';
import type { FileReader } from '../core/reader.js';
import type { Dependency, PackageInclude, ProjectFacts } from './model.js';
import type { PyprojectFacts } from './pyproject/project.js';
import { normalizeName, parseRequirement } from './pyproject/pep508.js';
import type { ConstraintInput } from './python/select.js';
import { readSetupCfg } from './setup-cfg/read.js';

export interface ProjectMetadata
  extends Pick<ProjectFacts, 'files' | 'name' | 'version' | 'description' | 'license' | 'authors' | 'scripts' | 'groups' | 'buildBackend' | 'dynamicDependencies'> {
  readonly pythonConstraints: readonly ConstraintInput[];
  /** Declared packages (`[tool.poetry] packages`, setup.py `packages` / `package_dir`). */
  readonly packages: readonly PackageInclude[];
  /** There is something pip can build: `[build-system]`, `[project]`, setup.py or setup.cfg. */
  readonly buildable: boolean;
  readonly issues: readonly Issue[];
}

function fromPyproject(pp: PyprojectFacts, dynamic: boolean): ProjectMetadata {
  return {
    files: [],
    name: pp.name,
    version: pp.version,
    description: pp.description,
    license: pp.license,
    authors: pp.authors,
    scripts: pp.scripts,
    pythonConstraints: pp.pythonConstraints.map((c) => ({
      ...c,
      label: c.pep440 ? 'requires-python' : 'tool.poetry.dependencies.python',
    })),
    groups: pp.groups,
    buildBackend: pp.buildBackend,
    packages: pp.packages,
    dynamicDependencies: dynamic,
    buildable: pp.project !== undefined || pp.buildBackend !== undefined || pp.poetry !== undefined,
    issues: [],
  };
}

const EMPTY: ProjectMetadata = {
  files: [],
  name: undefined,
  version: undefined,
  description: undefined,
  license: undefined,
  authors: [],
  scripts: [],
  pythonConstraints: [],
  groups: [{ name: 'main', optional: false, dependencies: [], source: undefined }],
  buildBackend: undefined,
  packages: [],
  dynamicDependencies: false,
  buildable: false,
  issues: [],
};

function requirements(list: readonly string[], source: Fact<unknown>['source'], optional: boolean): Dependency[] {
  return list.flatMap((text) => {
    const req = parseRequirement(text);
    return req ? [{ name: req.name, constraint: req.constraint ?? (req.url ? `@ ${req.url}` : undefined), optional, source, requirement: text.trim() }] : [];
  });
}

/**
 * Reads the metadata. `pp` is pyproject.toml as read (undefined without one); `dynamic` is
 * `[project] dynamic` naming "dependencies".
 */
export async function readMetadata(reader: FileReader, pp: PyprojectFacts | undefined, dynamic: boolean): Promise<ProjectMetadata> {
  const hasOwnMetadata = pp && (pp.project !== undefined || pp.poetry !== undefined);
  const cfgText = await reader.read('setup.cfg');
  const pyText = await reader.read('setup.py');
  if (hasOwnMetadata && !(dynamic && (cfgText !== undefined || pyText !== undefined))) return fromPyproject(pp, dynamic);

  if (cfgText === undefined && pyText === undefined) return pp ? fromPyproject(pp, dynamic) : EMPTY;
  const files: string[] = [];
  const issues: Issue[] = [];
  const cfg = cfgText === undefined ? undefined : readSetupCfg(cfgText, 'setup.cfg');
  // The Python parser is loaded only for projects that have a setup.py (it costs ms at start).
  const py = pyText === undefined ? undefined : (await import('./setup-py/read.js')).readSetupPy(pyText, 'setup.py');
  if (cfg) files.push('setup.cfg');
  if (py) files.push('setup.py');
  issues.push(...(cfg?.issues ?? []), ...(py?.issues ?? []));

  const python2 = py?.issues.find((i) => i.code === 'W_SETUP_PY_PYTHON2');
  const pick = <T>(a: Fact<T> | undefined, b: Fact<T> | undefined) => a ?? b;
  const pythonRequires = pick(py?.pythonRequires, cfg?.pythonRequires);
  if (python2 && (!pythonRequires || !/3/.test(pythonRequires.value))) {
    throw new UserError('E_PYTHON2', `setup.py is Python 2 code (${python2.message}): pycrane builds Python 3 images only`, { source: python2.source });
  }
  for (const u of [...(cfg?.unread ?? []), ...(py?.unread ?? [])]) {
    issues.push({
      code: 'W_SETUP_VALUE_COMPUTED',
      severity: 'warning',
      message: `${u.source.file} ${u.key}: ${u.reason}; ${u.key === 'install_requires' ? 'the dependencies are installed with the project (no separate dependency layer)' : u.key === 'name' ? 'the folder name is used' : 'left out'}`,
      source: u.source,
    });
  }
  const unread = new Set([...(cfg?.unread ?? []), ...(py?.unread ?? [])].map((u) => u.key));
  const install = pick(py?.installRequires, cfg?.installRequires);
  const main = install ? requirements(install.value, install.source, false) : [];
  const extras = { ...(cfg?.extrasRequire ?? {}), ...(py?.extrasRequire ?? {}) };
  for (const list of Object.values(extras)) for (const dep of requirements(list, install?.source, true)) if (!main.some((d) => d.name === dep.name)) main.push(dep);

  const scripts = py?.consoleScripts.length ? py.consoleScripts : (cfg?.consoleScripts ?? []);
  const packageDir = py?.packageDir ?? cfg?.packageDir;
  const srcDir = packageDir?.[''];
  const packages: PackageInclude[] = (py?.packages?.value ?? []).filter((p) => !p.includes('.')).map((p) => ({ include: p, from: srcDir, source: py?.packages?.source }));
  const ppMeta = pp ? fromPyproject(pp, dynamic) : undefined;
  return {
    files,
    name: pick(py?.name, cfg?.name) ?? ppMeta?.name,
    version: pick(py?.version, cfg?.version) ?? ppMeta?.version,
    description: ppMeta?.description,
    license: ppMeta?.license,
    authors: ppMeta?.authors ?? [],
    scripts: scripts.map((s) => ({ name: s.name, target: s.target, source: s.source })),
    pythonConstraints: pythonRequires ? [{ value: pythonRequires.value, pep440: true, label: `${pythonRequires.source?.file ?? 'setup.py'} python_requires`, source: pythonRequires.source }] : (ppMeta?.pythonConstraints ?? []),
    groups: [{ name: 'main', optional: false, dependencies: main.map((d) => ({ ...d, name: normalizeName(d.name) })), source: install?.source }],
    buildBackend: pp?.buildBackend ?? fact('setuptools.build_meta:__legacy__', { file: files[files.length - 1] ?? 'setup.py', line: 1 }),
    packages,
    dynamicDependencies: dynamic || unread.has('install_requires'),
    buildable: true,
    issues,
  };
}
