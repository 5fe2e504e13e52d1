import type { Issue } from '../../core/issue.js';
import { type Fact, fact, type SourceRef } from '../../core/location.js';
import type { ConsoleScript, Dependency, DependencyGroup, PackageIndex, PackageInclude } from '../model.js';
import type { TomlLocator, TomlPath } from '../toml/locate.js';
import { isTable, stringAt, type TomlTable } from '../toml/parse.js';
import { versionAtLeast } from '../poetry-versions.js';
import { normalizeName, parseRequirement } from './pep508.js';
import { includedGroups, includeGroupResolver } from './dependency-groups.js';

/** What pyproject.toml says about a project, before other files are consulted. */
export interface PyprojectFacts {
  readonly name: Fact<string> | undefined;
  readonly version: Fact<string> | undefined;
  readonly description: Fact<string> | undefined;
  readonly license: Fact<string> | undefined;
  readonly authors: readonly string[];
  /** `[tool.poetry]` is there. */
  readonly poetry: SourceRef | undefined;
  /** `[tool.poetry] name`: with it, Poetry 1.x has the metadata it needs. */
  readonly poetryName: string | undefined;
  /** `[project]` is there (PEP 621), whether or not the installing Poetry reads it. */
  readonly project: SourceRef | undefined;
  readonly buildBackend: Fact<string> | undefined;
  /** `requires-python` and `tool.poetry.dependencies.python`, as written. */
  readonly pythonConstraints: readonly { readonly value: string; readonly pep440: boolean; readonly source: SourceRef | undefined }[];
  readonly packageMode: Fact<boolean> | undefined;
  readonly packages: readonly PackageInclude[];
  readonly scripts: readonly ConsoleScript[];
  readonly groups: readonly DependencyGroup[];
  readonly indexes: readonly PackageIndex[];
  readonly toolTables: readonly string[];
  readonly issues: readonly Issue[];
}

export interface ReadOptions {
  /**
   * The Poetry that will install the project, when known. Poetry 1.x ignores `[project]`
   * (metadata, dependencies and scripts come from `[tool.poetry]` only); Poetry before 2.2
   * ignores `[dependency-groups]` (PEP 735), so those groups are left out with a warning.
   */
  readonly poetryVersion?: string;
}

export function readPyproject(doc: TomlTable, at: TomlLocator, options: ReadOptions = {}): PyprojectFacts {
  const issues: Issue[] = [];
  const poetry1 = options.poetryVersion?.startsWith('1.') ?? false;
  const pep735 = options.poetryVersion === undefined || versionAtLeast(options.poetryVersion, '2.2.0');
  const declaredProject = isTable(doc.project) ? doc.project : undefined;
  // What Poetry reads of [project] (nothing for Poetry 1).
  const project = poetry1 ? undefined : declaredProject;
  const tool = isTable(doc.tool) ? doc.tool : {};
  const poetry = isTable(tool.poetry) ? tool.poetry : undefined;
  const buildSystem = isTable(doc['build-system']) ? doc['build-system'] : undefined;

  const str = (table: TomlTable | undefined, path: TomlPath, key: string): Fact<string> | undefined => {
    const value = stringAt(table, key);
    return value === undefined ? undefined : fact(value, at.find([...path, key]));
  };
  const P = ['project'];
  const T = ['tool', 'poetry'];

  const name = str(project, P, 'name') ?? str(poetry, T, 'name');
  const version = str(project, P, 'version') ?? str(poetry, T, 'version');
  const description = str(project, P, 'description') ?? str(poetry, T, 'description');

  let license: Fact<string> | undefined;
  const projectLicense = project?.license;
  if (typeof projectLicense === 'string') license = fact(projectLicense, at.find([...P, 'license']));
  else if (isTable(projectLicense)) {
    const text = stringAt(projectLicense, 'text') ?? stringAt(projectLicense, 'file');
    if (text !== undefined) license = fact(text, at.find([...P, 'license']));
  }
  license ??= str(poetry, T, 'license');

  const authors: string[] = [];
  if (Array.isArray(project?.authors)) {
    for (const author of project.authors) {
      if (!isTable(author)) continue;
      const n = stringAt(author, 'name');
      const e = stringAt(author, 'email');
      authors.push(n && e ? `${n} <${e}>` : (n ?? e ?? ''));
    }
  } else if (Array.isArray(poetry?.authors)) {
    for (const author of poetry.authors) if (typeof author === 'string') authors.push(author);
  }

  const pythonConstraints: { value: string; pep440: boolean; source: SourceRef | undefined }[] = [];
  // requires-python binds the project even where Poetry 1 ignores it.
  const requiresPython = stringAt(declaredProject, 'requires-python');
  if (requiresPython !== undefined) {
    pythonConstraints.push({ value: requiresPython, pep440: true, source: at.find([...P, 'requires-python']) });
  }
  const poetryDeps = isTable(poetry?.dependencies) ? poetry.dependencies : undefined;
  const poetryPython = poetryDeps?.python;
  const poetryPythonText = typeof poetryPython === 'string' ? poetryPython : isTable(poetryPython) ? stringAt(poetryPython, 'version') : undefined;
  if (poetryPythonText !== undefined) {
    pythonConstraints.push({ value: poetryPythonText, pep440: false, source: at.find([...T, 'dependencies', 'python']) });
  }

  const packageMode = typeof poetry?.['package-mode'] === 'boolean' ? fact(poetry['package-mode'], at.find([...T, 'package-mode'])) : undefined;

  const packages: PackageInclude[] = [];
  if (Array.isArray(poetry?.packages)) {
    poetry.packages.forEach((entry, i) => {
      if (!isTable(entry)) return;
      const include = stringAt(entry, 'include');
      if (include === undefined) return;
      packages.push({ include, from: stringAt(entry, 'from'), source: at.find([...T, 'packages', i]) });
    });
  }

  const scripts: ConsoleScript[] = [];
  const addScripts = (table: unknown, path: TomlPath) => {
    if (!isTable(table)) return;
    for (const [scriptName, value] of Object.entries(table)) {
      const source = at.find([...path, scriptName]);
      if (typeof value === 'string') {
        scripts.push({ name: scriptName, target: value, source });
      } else if (isTable(value)) {
        const type = stringAt(value, 'type');
        const target = stringAt(value, 'callable') ?? stringAt(value, 'reference');
        if (type !== undefined && type !== 'console') {
          issues.push({ code: 'I_SCRIPT_NOT_CONSOLE', severity: 'info', message: `script "${scriptName}" is a ${type} script, not a console script: not an entry point`, source });
        } else if (target !== undefined) {
          scripts.push({ name: scriptName, target, source });
        }
      }
    }
  };
  addScripts(project?.scripts, [...P, 'scripts']);
  if (scripts.length === 0) addScripts(poetry?.scripts, [...T, 'scripts']);

  let dependencyGroups = doc['dependency-groups'];
  if (isTable(dependencyGroups) && !pep735) {
    issues.push({
      code: 'W_DEPENDENCY_GROUPS_IGNORED',
      severity: 'warning',
      message: `Poetry ${options.poetryVersion ?? ''} ignores [dependency-groups] (PEP 735 support came with Poetry 2.2): its groups are left out; use [tool.poetry.group.<name>.dependencies]`,
      source: at.find(['dependency-groups']),
    });
    dependencyGroups = undefined;
  }
  const groups = readGroups(project, poetry, dependencyGroups, at, issues);

  const indexes: PackageIndex[] = [];
  if (Array.isArray(poetry?.source)) {
    poetry.source.forEach((entry, i) => {
      if (!isTable(entry)) return;
      const sourceName = stringAt(entry, 'name') ?? '';
      const url = stringAt(entry, 'url') ?? (sourceName.toLowerCase() === 'pypi' ? 'https://pypi.org/simple/' : '');
      const priority = stringAt(entry, 'priority') ?? (entry.default === true ? 'default' : entry.secondary === true ? 'secondary' : undefined);
      const ref = at.find([...T, 'source', i]);
      if (url === '') issues.push({ code: 'W_SOURCE_NO_URL', severity: 'warning', message: `package source "${sourceName}" has no url`, source: ref });
      indexes.push({ name: sourceName, url, priority, source: ref });
    });
  }

  const backend = stringAt(buildSystem, 'build-backend');
  return {
    name,
    version,
    description,
    license,
    authors,
    poetry: poetry ? at.find(T) : undefined,
    poetryName: stringAt(poetry, 'name'),
    project: declaredProject ? at.find(P) : undefined,
    buildBackend: backend === undefined ? undefined : fact(backend, at.find(['build-system', 'build-backend'])),
    pythonConstraints,
    packageMode,
    packages,
    scripts,
    groups,
    indexes,
    toolTables: Object.keys(tool),
    issues,
  };
}

/** A Poetry dependency value: `"^2.2"`, `{ version = "^8.1", optional = true, markers = "..." }`, or a list of those. */
function poetryDependency(depName: string, value: unknown, source: SourceRef | undefined): Dependency {
  const name = normalizeName(depName);
  if (typeof value === 'string') return { name, constraint: value, optional: false, source };
  if (isTable(value)) {
    const constraint = stringAt(value, 'version') ?? describeNonVersion(value);
    return { name, constraint, optional: value.optional === true, source };
  }
  if (Array.isArray(value)) {
    // Multiple-constraint dependencies: one per environment.
    const parts = value.map((v) => (typeof v === 'string' ? v : isTable(v) ? (stringAt(v, 'version') ?? describeNonVersion(v)) : undefined));
    return { name, constraint: parts.filter(Boolean).join(' || ') || undefined, optional: value.every((v) => isTable(v) && v.optional === true), source };
  }
  return { name, constraint: undefined, optional: false, source };
}

function describeNonVersion(value: TomlTable): string | undefined {
  for (const key of ['git', 'path', 'url']) {
    const v = stringAt(value, key);
    if (v !== undefined) return `${key} ${v}`;
  }
  return undefined;
}

const conditional = new WeakSet<Dependency>();

/** The declaration limits the dependency to some environments (markers, python, platform): a lock may rightly lack it. */
export function isConditionalDependency(dep: Dependency): boolean {
  return conditional.has(dep);
}

function isConditional(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (isTable(value)) return value.markers !== undefined || value.python !== undefined || value.platform !== undefined;
  return false;
}

function readPoetryTable(table: unknown, path: TomlPath, at: TomlLocator): Dependency[] {
  if (!isTable(table)) return [];
  const out: Dependency[] = [];
  for (const [depName, value] of Object.entries(table)) {
    if (depName.toLowerCase() === 'python') continue;
    const dep = poetryDependency(depName, value, at.find([...path, depName]));
    if (isConditional(value)) conditional.add(dep);
    out.push(dep);
  }
  return out;
}

function readRequirementList(list: unknown, path: TomlPath, at: TomlLocator, issues: Issue[], optional: boolean): Dependency[] {
  if (!Array.isArray(list)) return [];
  const out: Dependency[] = [];
  list.forEach((item, i) => {
    if (typeof item !== 'string') return; // PEP 735 {include-group = ...} is resolved by the caller
    const source = at.find([...path, i]);
    const req = parseRequirement(item);
    if (!req) {
      issues.push({ code: 'W_BAD_REQUIREMENT', severity: 'warning', message: `not a PEP 508 requirement: "${item}"`, source });
      return;
    }
    const dep: Dependency = { name: req.name, constraint: req.constraint ?? (req.url ? `@ ${req.url}` : undefined), optional, source };
    if (req.markers !== undefined) conditional.add(dep);
    out.push(dep);
  });
  return out;
}

function readGroups(
  project: TomlTable | undefined,
  poetry: TomlTable | undefined,
  dependencyGroups: unknown,
  at: TomlLocator,
  issues: Issue[],
): DependencyGroup[] {
  const T = ['tool', 'poetry'];
  // main: [project].dependencies when present (Poetry 2), else [tool.poetry.dependencies].
  let main: Dependency[];
  let mainSource: SourceRef | undefined;
  if (Array.isArray(project?.dependencies)) {
    main = readRequirementList(project.dependencies, ['project', 'dependencies'], at, issues, false);
    mainSource = at.find(['project', 'dependencies']);
  } else {
    main = readPoetryTable(poetry?.dependencies, [...T, 'dependencies'], at);
    mainSource = at.find([...T, 'dependencies']);
  }
  const optionalDeps = project?.['optional-dependencies'];
  if (isTable(optionalDeps)) {
    for (const [extra, list] of Object.entries(optionalDeps)) {
      for (const dep of readRequirementList(list, ['project', 'optional-dependencies', extra], at, issues, true)) {
        if (!main.some((d) => d.name === dep.name)) main.push(dep);
      }
    }
  }

  const others: DependencyGroup[] = [];
  const indexOf = new Map<string, number>();
  const add = (group: DependencyGroup) => {
    const existing = indexOf.get(group.name);
    if (existing === undefined) {
      indexOf.set(group.name, others.length);
      others.push(group);
    } else {
      const prev = others[existing];
      if (prev) others[existing] = { ...prev, dependencies: [...prev.dependencies, ...group.dependencies.filter((d) => !prev.dependencies.some((p) => p.name === d.name))] };
    }
  };
  const poetryGroups = poetry?.group;
  if (isTable(poetryGroups)) {
    for (const [groupName, group] of Object.entries(poetryGroups)) {
      if (!isTable(group)) continue;
      add({
        name: groupName,
        optional: group.optional === true,
        dependencies: readPoetryTable(group.dependencies, [...T, 'group', groupName, 'dependencies'], at),
        source: at.find([...T, 'group', groupName]),
      });
    }
  }
  if (isTable(poetry?.['dev-dependencies'])) {
    const source = at.find([...T, 'dev-dependencies']);
    issues.push({
      code: 'I_LEGACY_DEV_DEPENDENCIES',
      severity: 'info',
      message: '[tool.poetry.dev-dependencies] is deprecated since Poetry 1.2: read as group "dev" (use [tool.poetry.group.dev.dependencies])',
      source,
    });
    add({ name: 'dev', optional: false, dependencies: readPoetryTable(poetry['dev-dependencies'], [...T, 'dev-dependencies'], at), source });
  }
  if (isTable(dependencyGroups)) {
    // Each group's own requirements are read once (one issue per bad line, not one per include).
    const resolve = includeGroupResolver((groupName) => {
      const list = Object.hasOwn(dependencyGroups, groupName) ? dependencyGroups[groupName] : undefined;
      return { items: readRequirementList(list, ['dependency-groups', groupName], at, issues, false), includes: includedGroups(list) };
    });
    for (const groupName of Object.keys(dependencyGroups)) {
      add({ name: groupName, optional: false, dependencies: resolve(groupName), source: at.find(['dependency-groups', groupName]) });
    }
  }
  const line = (g: DependencyGroup) => g.source?.line ?? Number.MAX_SAFE_INTEGER;
  others.sort((a, b) => line(a) - line(b));
  return [{ name: 'main', optional: false, dependencies: main, source: mainSource }, ...others];
}
