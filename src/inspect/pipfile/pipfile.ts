import type { Issue } from '../../core/issue.js';
import { fact, type Fact, type SourceRef } from '../../core/location.js';
import type { Dependency, DependencyGroup, PackageIndex } from '../model.js';
import { normalizeName } from '../pyproject/pep508.js';
import { locateToml, type TomlLocator } from '../toml/locate.js';
import { isTable, parseToml, stringAt, type TomlTable } from '../toml/parse.js';

/** A `[scripts]` entry: a command for `pipenv run NAME`, not a console script of a package. */
export interface PipfileScript {
  readonly name: string;
  /** The command line as pipenv runs it (`{call = "m:f"}` as pipenv expands it, arrays joined with `&&`). */
  readonly command: string;
  readonly source: SourceRef | undefined;
}

export interface PipfileFacts {
  /** `main` from `[packages]` (always), `dev` from `[dev-packages]`, then custom categories in file order. */
  readonly groups: readonly DependencyGroup[];
  /** `[[source]]`; `verify_ssl` has no counterpart, priority is undefined. */
  readonly sources: readonly PackageIndex[];
  /** `[requires] python_version` (`3.11`), else `python_full_version` (`3.11.4`). */
  readonly pythonVersion: Fact<string> | undefined;
  readonly pythonFullVersion: Fact<string> | undefined;
  readonly scripts: readonly PipfileScript[];
  readonly issues: readonly Issue[];
}

/**
 * Top-level tables that hold no packages. pipenv's own list (NON_CATEGORY_SECTIONS) lacks
 * `pipfile`, and `build-system` before 2026, so pipenv locks them as categories; neither
 * is a dependency group.
 */
const NOT_CATEGORIES = new Set(['source', 'packages', 'dev-packages', 'requires', 'scripts', 'pipfile', 'pipenv', 'build-system']);

/** Keys of a package table that plette accepts; pipenv 2026.x rejects any other ("Unrecognized Pipfile option"). */
const KNOWN_PACKAGE_KEYS = new Set([
  'git', 'svn', 'hg', 'bzr', 'ref', 'subdirectory', 'name', 'version', 'extras', 'editable', 'markers', 'os_markers',
  'hashes', 'index', 'no_binary', 'skip_resolver', 'path', 'file', 'os_name', 'sys_platform', 'platform_machine',
  'platform_python_implementation', 'platform_release', 'platform_system', 'platform_version', 'python_version',
  'python_full_version', 'implementation_name', 'implementation_version',
]);

const sourceOf = (ref: SourceRef | undefined): { source?: SourceRef } => (ref ? { source: ref } : {});

/**
 * Reads a Pipfile: dependency categories, `[[source]]`, `[requires]` and `[scripts]`.
 * Dependency constraints read like the Poetry reader's: the version as written (`*`,
 * `==1.2`), else `git URL`, `path ./lib`, `file ./x.whl`. Malformed TOML throws the
 * UserError of parseToml; anything else odd becomes an issue.
 */
export function readPipfile(text: string, file = 'Pipfile'): PipfileFacts {
  const doc = parseToml(text, file);
  const at = locateToml(text, file);
  const issues: Issue[] = [];

  const groups: DependencyGroup[] = [readCategory(doc, 'packages', 'main', false, at, issues)];
  if (doc['dev-packages'] !== undefined) groups.push(readCategory(doc, 'dev-packages', 'dev', false, at, issues));
  for (const [key, value] of Object.entries(doc)) {
    if (NOT_CATEGORIES.has(key)) continue;
    if (!isTable(value)) {
      issues.push({ code: 'W_PIPFILE_ENTRY', severity: 'warning', message: `top-level "${key}" in ${file} is not a table of packages: ignored`, ...sourceOf(at.find([key])) });
      continue;
    }
    // Custom categories install only when named (`pipenv install --categories NAME`).
    groups.push(readCategory(doc, key, key, true, at, issues));
  }

  const requires = isTable(doc.requires) ? doc.requires : undefined;
  const requirement = (key: string) => {
    const value = stringAt(requires, key);
    return value === undefined ? undefined : fact(value.trim(), at.find(['requires', key]));
  };
  const shortVersion = requirement('python_version');
  const pythonFullVersion = requirement('python_full_version');
  if (shortVersion && pythonFullVersion && !`${pythonFullVersion.value}.`.startsWith(`${shortVersion.value}.`)) {
    issues.push({
      code: 'W_PIPFILE_PYTHON_MISMATCH',
      severity: 'warning',
      message: `[requires] python_full_version "${pythonFullVersion.value}" is not a ${shortVersion.value} version: pipenv uses python_full_version`,
      ...sourceOf(pythonFullVersion.source),
    });
  }

  return {
    groups,
    sources: readSources(doc, file, at, issues),
    pythonVersion: shortVersion ?? pythonFullVersion,
    pythonFullVersion,
    scripts: readScripts(doc, at, issues),
    issues,
  };
}

function readCategory(doc: TomlTable, key: string, name: string, optional: boolean, at: TomlLocator, issues: Issue[]): DependencyGroup {
  const table = doc[key];
  const dependencies: Dependency[] = [];
  if (table !== undefined && !isTable(table)) {
    issues.push({ code: 'W_PIPFILE_ENTRY', severity: 'warning', message: `[${key}] is not a table of packages: ignored`, ...sourceOf(at.find([key])) });
  }
  for (const [depName, value] of Object.entries(isTable(table) ? table : {})) {
    const source = at.find([key, depName]);
    const dependency = pipfileDependency(depName, value, source);
    if (dependency === undefined) {
      issues.push({
        code: 'W_PIPFILE_ENTRY',
        severity: 'warning',
        message: `"${depName}" in [${key}] is neither a version string nor a table: ignored`,
        ...sourceOf(source),
      });
      continue;
    }
    if (isTable(value)) {
      const unknown = Object.keys(value).filter((k) => !KNOWN_PACKAGE_KEYS.has(k));
      if (unknown.length > 0) {
        issues.push({
          code: 'W_PIPFILE_UNKNOWN_OPTION',
          severity: 'warning',
          message: `"${depName}" in [${key}] has ${unknown.map((k) => `"${k}"`).join(', ')}, which pipenv does not know (pipenv 2026 refuses the Pipfile)`,
          ...sourceOf(source),
        });
      }
    }
    dependencies.push(dependency);
  }
  return { name, optional, dependencies, source: at.find([key]) };
}

function pipfileDependency(depName: string, value: unknown, source: SourceRef | undefined): Dependency | undefined {
  const name = normalizeName(depName);
  if (typeof value === 'string') return { name, constraint: value.trim(), optional: false, source };
  if (!isTable(value)) return undefined;
  return { name, constraint: stringAt(value, 'version')?.trim() ?? describeNonVersion(value), optional: false, source };
}

function describeNonVersion(value: TomlTable): string | undefined {
  for (const key of ['git', 'hg', 'svn', 'bzr', 'path', 'file']) {
    const v = stringAt(value, key);
    if (v !== undefined) return `${key} ${v}`;
  }
  return undefined;
}

function readSources(doc: TomlTable, file: string, at: TomlLocator, issues: Issue[]): PackageIndex[] {
  if (doc.source === undefined) {
    issues.push({
      code: 'I_PIPFILE_NO_SOURCE',
      severity: 'info',
      message: `${file} has no [[source]]: pipenv installs from pip's configured index-url (pip.conf, PIP_INDEX_URL) or PyPI, and the lock's hash depends on which`,
      source: { file, line: 1 },
    });
    return [];
  }
  const list = Array.isArray(doc.source) ? doc.source : [doc.source];
  const sources: PackageIndex[] = [];
  list.forEach((entry, i) => {
    const path = Array.isArray(doc.source) ? ['source', i] : ['source'];
    const ref = at.find(path) ?? at.near(path);
    const name = isTable(entry) ? stringAt(entry, 'name') : undefined;
    const url = isTable(entry) ? stringAt(entry, 'url') : undefined;
    if (name === undefined || url === undefined) {
      issues.push({ code: 'W_PIPFILE_SOURCE', severity: 'warning', message: `a [[source]] without ${url === undefined ? 'url' : 'name'}: ignored (pipenv needs name, url and verify_ssl)`, ...sourceOf(ref) });
      return;
    }
    sources.push({ name, url, priority: undefined, source: ref });
  });
  return sources;
}

function readScripts(doc: TomlTable, at: TomlLocator, issues: Issue[]): PipfileScript[] {
  const table = isTable(doc.scripts) ? doc.scripts : {};
  const scripts: PipfileScript[] = [];
  for (const [name, value] of Object.entries(table)) {
    const source = at.find(['scripts', name]);
    const command = scriptCommand(value);
    if (command === undefined) {
      issues.push({ code: 'W_PIPFILE_ENTRY', severity: 'warning', message: `script "${name}" is not a command string, {call = "module:function"} or a list of commands: ignored`, ...sourceOf(source) });
      continue;
    }
    scripts.push({ name, command, source });
  }
  return scripts;
}

/** pipenv's cmdparse: `{call = "pkg.mod:func"}` runs `python -c "import pkg.mod as _m; _m.func()"`. */
function scriptCommand(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const parts = value.map((v) => (typeof v === 'string' ? v.trim() : ''));
    return parts.length > 0 && parts.every(Boolean) ? parts.join(' && ') : undefined;
  }
  if (isTable(value) && Object.keys(value).length === 1 && typeof value.call === 'string') {
    const [module = '', func = ''] = splitOnce(value.call, ':');
    if (!module || !func) return undefined;
    // A `(` and a later `)` on one line; no `(` inside, so a match starts only at the last `(` before it (linear).
    const called = /\([^()\n\r\u2028\u2029]*\)/.test(func);
    return `python -c "import ${module} as _m; _m.${called ? func : `${func}()`}"`;
  }
  return undefined;
}

function splitOnce(text: string, sep: string): [string, string] {
  const i = text.indexOf(sep);
  return i === -1 ? [text, ''] : [text.slice(0, i), text.slice(i + sep.length)];
}
