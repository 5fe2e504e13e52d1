import { UserError } from '../core/errors.js';
import type { Issue } from '../core/issue.js';
import { type Fact, fact, formatRef, type SourceRef } from '../core/location.js';
import type { FileReader } from '../core/reader.js';
import { detectLayout } from './layout.js';
import type { LockFacts, PackageManager, PoetryFacts, ProjectFacts, PycraneConfig, PythonFacts } from './model.js';
import { poetryContentHash } from './poetry-lock/content-hash.js';
import { parsePoetryLock, readLockHeader } from './poetry-lock/parse.js';
import { inferPoetryVersion, LATEST_POETRY, POETRY_HASHES_DEPENDENCY_GROUPS, versionAtLeast } from './poetry-versions.js';
import { parsePycraneConfig } from './pyproject/config.js';
import { isConditionalDependency, type PyprojectFacts, readPyproject } from './pyproject/project.js';
import { compareMinor, minorAdmits, type Pep440Union, pep440, poetryToPep440, satisfiesUnion } from './python/constraint.js';
import { parsePythonVersion, type PythonPin } from './python/python-version.js';
import { locateToml, type TomlLocator } from './toml/locate.js';
import { isTable, parseToml, type TomlTable } from './toml/parse.js';

export type { ProjectFacts } from './model.js';

/** CPython minors pycrane picks from, unless `[tool.pycrane] supported-pythons` or the caller says otherwise. */
export const DEFAULT_SUPPORTED_PYTHONS: readonly string[] = ['3.11', '3.12', '3.13', '3.14'];

export interface InspectOptions {
  /** Minors to choose from (overrides `[tool.pycrane] supported-pythons`). */
  readonly supportedPythons?: readonly string[];
  /** How to name the project folder in messages (`no pyproject.toml in DIR`). */
  readonly root?: string;
  /**
   * A lock whose content-hash does not match pyproject.toml: `error` (default) throws a
   * UserError, `warn` reports `lock.fresh: false` and a warning issue.
   */
  readonly staleLock?: 'error' | 'warn';
}

const PYPROJECT = 'pyproject.toml';
const LOCK = 'poetry.lock';
const PYTHON_VERSION = '.python-version';

/**
 * Everything pycrane needs to know about a Python project, each fact with the file and
 * line it came from. Reads only through `reader`. Throws a UserError (with its location)
 * for what makes the project unusable: no or malformed pyproject.toml, a lock that does
 * not belong to it, a Python no supported release satisfies, bad `[tool.pycrane]` values.
 */
export async function inspectProject(reader: FileReader, options: InspectOptions = {}): Promise<ProjectFacts> {
  const files: string[] = [];
  const issues: Issue[] = [];

  const text = await reader.read(PYPROJECT);
  if (text === undefined) {
    throw new UserError('E_NO_PYPROJECT', `no pyproject.toml in ${options.root ?? '.'}`, {
      hint: 'run pycrane in the project folder (the one holding pyproject.toml) or pass it as DIR',
    });
  }
  files.push(PYPROJECT);
  const doc = parseToml(text, PYPROJECT);
  const at = locateToml(text, PYPROJECT);
  const tool = isTable(doc.tool) ? doc.tool : {};
  const parsedConfig = parsePycraneConfig(tool.pycrane, at, PYPROJECT);
  const config = parsedConfig.config;

  const lockText = await reader.read(LOCK);
  const lock = lockText === undefined ? undefined : parsePoetryLock(lockText, LOCK);
  const lockHeader = lockText === undefined ? undefined : readLockHeader(lockText);
  if (lock) files.push(LOCK);

  // Which Poetry installs the project decides what of pyproject.toml counts.
  const poetryVersion = resolvePoetryVersion(lock, lockHeader !== undefined, config, at);
  const pp = readPyproject(doc, at, poetryVersion ? { poetryVersion: poetryVersion.fact.value } : {});
  issues.push(...pp.issues, ...parsedConfig.issues);

  const otherLocks: string[] = [];
  for (const name of ['uv.lock', 'pdm.lock', 'requirements.txt']) {
    if ((await reader.read(name)) !== undefined) otherLocks.push(name);
  }
  const manager = detectManager(pp, lock, otherLocks, at);
  if (manager.value !== 'poetry') {
    issues.push({
      code: 'W_MANAGER_UNSUPPORTED',
      severity: 'warning',
      message: `package manager ${manager.value}: pycrane generates setups for Poetry projects only`,
      source: manager.source,
    });
  }

  const isPoetry = manager.value === 'poetry';
  const poetry = isPoetry ? poetryFacts(pp, poetryVersion, issues) : undefined;

  let lockFacts: LockFacts | undefined = lock;
  if (isPoetry && lock) {
    const lockMajor = lock.generator ? (lock.generator.value.version.startsWith('1.') ? 1 : 2) : lockHeader ? 1 : undefined;
    lockFacts = { ...lock, fresh: checkLock(text, doc, pp, lock, lockMajor, options, issues) };
  } else if (isPoetry) {
    issues.push({
      code: 'W_NO_LOCK',
      severity: 'warning',
      message: 'no poetry.lock: the image would not install pinned dependencies',
      source: pp.poetry ?? pp.project,
    });
  }

  const pythonVersionText = await reader.read(PYTHON_VERSION);
  let filePin: PythonPin | undefined;
  if (pythonVersionText !== undefined) {
    files.push(PYTHON_VERSION);
    const parsed = parsePythonVersion(pythonVersionText, PYTHON_VERSION);
    filePin = parsed.pin;
    issues.push(...parsed.issues);
  }
  const python = selectPython(pp, config, filePin, at, options, issues);

  const isPackage =
    pp.packageMode?.value === false ? fact(false, pp.packageMode.source) : fact(true, pp.packageMode?.source ?? pp.poetry ?? pp.project);
  const layout = await detectLayout(reader, pp.packages, pp.name?.value);
  if (isPackage.value && layout.kind === 'unknown' && isPoetry) {
    issues.push({
      code: 'W_NO_PACKAGE_FOUND',
      severity: 'warning',
      message: `no import package found for ${pp.name?.value ?? 'the project'} (looked in src/ and at the root); set packages in [tool.poetry] or package-mode = false`,
      source: pp.name?.source ?? pp.poetry,
    });
  }

  return {
    files,
    name: pp.name,
    version: pp.version,
    description: pp.description,
    license: pp.license,
    authors: pp.authors,
    manager,
    poetry,
    python,
    isPackage,
    layout,
    scripts: pp.scripts,
    groups: pp.groups,
    lock: lockFacts,
    indexes: pp.indexes,
    config,
    issues,
  };
}

function detectManager(pp: PyprojectFacts, lock: LockFacts | undefined, otherLocks: readonly string[], at: TomlLocator): Fact<PackageManager> {
  const backend = pp.buildBackend?.value ?? '';
  if (pp.poetry) return fact('poetry', pp.poetry);
  if (lock) return fact('poetry', { file: LOCK, line: 1 });
  if (backend.startsWith('poetry.')) return fact('poetry', pp.buildBackend?.source);
  if (otherLocks.includes('uv.lock')) return fact('uv', { file: 'uv.lock', line: 1 });
  if (pp.toolTables.includes('uv')) return fact('uv', at.find(['tool', 'uv']));
  if (otherLocks.includes('pdm.lock')) return fact('pdm', { file: 'pdm.lock', line: 1 });
  if (pp.toolTables.includes('pdm') || backend.startsWith('pdm.')) return fact('pdm', at.find(['tool', 'pdm']) ?? pp.buildBackend?.source);
  if (backend.startsWith('hatchling')) return fact('hatch', pp.buildBackend?.source);
  if (backend.startsWith('setuptools')) return fact('setuptools', pp.buildBackend?.source);
  if (otherLocks.includes('requirements.txt')) return fact('pip', { file: 'requirements.txt', line: 1 });
  return fact('setuptools', pp.buildBackend?.source ?? pp.project);
}

interface ResolvedPoetry {
  readonly fact: Fact<string>;
  readonly note: Issue | undefined;
}

/** The Poetry the Dockerfile pins: `[tool.pycrane] poetry-version`, the lock's header, or inferred from lock-version. */
function resolvePoetryVersion(
  lock: LockFacts | undefined,
  lockHasHeader: boolean,
  config: PycraneConfig,
  at: TomlLocator,
): ResolvedPoetry | undefined {
  if (config.poetryVersion !== undefined) {
    return { fact: fact(config.poetryVersion, at.find(['tool', 'pycrane', 'poetry-version'])), note: undefined };
  }
  const generator = lock?.generator?.value.tool === 'poetry' ? lock.generator : undefined;
  if (generator) return { fact: fact(generator.value.version, generator.source), note: undefined };
  const inferred = lock ? inferPoetryVersion(lockHasHeader, lock.lockVersion?.value) : undefined;
  if (lock && inferred !== undefined) {
    const source = lock.lockVersion?.source ?? { file: LOCK, line: 1 };
    return {
      fact: fact(inferred, source),
      note: {
        code: 'I_POETRY_VERSION_INFERRED',
        severity: 'info',
        message: `poetry.lock does not name the Poetry that wrote it; lock-version ${lock.lockVersion?.value ?? '1.0'} means Poetry ${inferred.replace(/\.\d+$/, '')}.x: pinning ${inferred} (set [tool.pycrane] poetry-version to choose)`,
        source,
      },
    };
  }
  return undefined;
}

function poetryFacts(pp: PyprojectFacts, resolved: ResolvedPoetry | undefined, issues: Issue[]): PoetryFacts {
  const poetry1 = resolved?.fact.value.startsWith('1.') ?? false;
  const style: 1 | 2 = pp.project && !poetry1 ? 2 : 1;
  let version: Fact<string>;
  if (resolved) {
    version = resolved.fact;
    if (resolved.note) issues.push(resolved.note);
  } else {
    version = fact(LATEST_POETRY[style], undefined);
    issues.push({
      code: 'I_POETRY_VERSION_DEFAULT',
      severity: 'info',
      message: `Poetry version not pinned by a lock or [tool.pycrane] poetry-version: using ${version.value}, the latest ${style}.x pycrane knows`,
    });
  }
  if (poetry1 && pp.project && pp.poetryName === undefined) {
    issues.push({
      code: 'W_POETRY1_WITH_PROJECT',
      severity: 'warning',
      message: `Poetry ${version.value} ignores [project] and finds no name in [tool.poetry]: use Poetry 2 or move the metadata to [tool.poetry]`,
      source: version.source ?? pp.project,
    });
  }
  return { style, version };
}

/** Checks that the lock belongs to pyproject.toml; returns `fresh`. */
function checkLock(
  text: string,
  doc: TomlTable,
  pp: PyprojectFacts,
  lock: LockFacts,
  lockMajor: 1 | 2 | undefined,
  options: InspectOptions,
  issues: Issue[],
): boolean | undefined {
  const locked = new Set(lock.packages.map((p) => p.name));
  const main = pp.groups[0]?.dependencies ?? [];
  const missing = main.find((dep) => !locked.has(dep.name) && !isConditionalDependency(dep) && dep.name !== pp.name?.value);
  if (missing) {
    throw new UserError(
      'E_LOCK_MISMATCH',
      `main dependency "${missing.name}" is not in poetry.lock: the lock does not belong to this pyproject.toml`,
      { source: missing.source ?? { file: LOCK, line: 1 }, hint: 'run poetry lock' },
    );
  }

  const written = lock.contentHash?.value;
  if (written === undefined) {
    issues.push({ code: 'W_LOCK_NO_HASH', severity: 'warning', message: 'poetry.lock has no [metadata] content-hash: freshness unknown', source: { file: LOCK, line: 1 } });
    return undefined;
  }
  const generatorVersion = lock.generator?.value.version;
  const hasDependencyGroups = isTable(doc['dependency-groups']);
  const hashDoc = parseToml(text, PYPROJECT, { integersAsBigInt: true });
  // A lock without header (Poetry <= 1.1, or edited): either algorithm may have written it.
  const candidates = lockMajor === undefined ? [1, 2] as const : [lockMajor];
  const hashes = candidates.map((poetryMajor) => poetryContentHash(hashDoc, { poetryMajor }));
  const expected = hashes.find((h) => h === written) ?? hashes[0];
  const unknownAlgorithm =
    generatorVersion === undefined
      ? false
      : !/^[12]\./.test(generatorVersion) || (hasDependencyGroups && versionAtLeast(generatorVersion, POETRY_HASHES_DEPENDENCY_GROUPS));
  if (expected === written) return true;
  if (expected === undefined || unknownAlgorithm) {
    issues.push({
      code: 'W_LOCK_HASH_UNVERIFIED',
      severity: 'warning',
      message:
        expected === undefined
          ? 'cannot compute Poetry\'s content-hash for this pyproject.toml (it holds TOML dates): lock freshness unknown'
          : `poetry.lock was written by Poetry ${generatorVersion}, whose content-hash pycrane cannot reproduce for this pyproject.toml: lock freshness unknown`,
      source: lock.contentHash?.source,
    });
    return undefined;
  }
  const message = `content-hash does not match pyproject.toml: poetry.lock is stale (pyproject.toml changed since the last poetry lock)`;
  if ((options.staleLock ?? 'error') === 'error') {
    throw new UserError('E_LOCK_STALE', message, { source: lock.contentHash?.source ?? { file: LOCK, line: 1 }, hint: 'run poetry lock' });
  }
  issues.push({ code: 'W_LOCK_STALE', severity: 'warning', message: `${message}; run poetry lock`, source: lock.contentHash?.source });
  return false;
}

interface Constraint {
  readonly fact: Fact<string>;
  readonly union: Pep440Union;
  readonly label: string;
}

function describe(c: Constraint): string {
  const where = formatRef(c.fact.source);
  return `${c.label} "${c.fact.value}"${where ? ` (${where})` : ''}`;
}

function selectPython(
  pp: PyprojectFacts,
  config: PycraneConfig,
  filePin: PythonPin | undefined,
  at: TomlLocator,
  options: InspectOptions,
  issues: Issue[],
): PythonFacts {
  const constraints: Constraint[] = [];
  for (const c of pp.pythonConstraints) {
    const union = c.pep440 ? pep440(c.value) : poetryToPep440(c.value);
    const label = c.pep440 ? 'requires-python' : 'tool.poetry.dependencies.python';
    if (union === undefined) {
      throw new UserError('E_PYTHON_CONSTRAINT', `${label} "${c.value}" is not a valid version constraint`, {
        source: c.source,
        hint: c.pep440 ? 'use PEP 440 specifiers, e.g. ">=3.11,<3.14"' : 'use a Poetry constraint, e.g. "^3.11" or ">=3.11,<3.14"',
      });
    }
    constraints.push({ fact: fact(c.value, c.source), union, label });
  }

  const supported = [...new Set(options.supportedPythons ?? config.supportedPythons ?? DEFAULT_SUPPORTED_PYTHONS)].sort((a, b) => compareMinor(b, a));
  const unions = constraints.map((c) => c.union);

  let pin: { minor: string; exact: string | undefined; raw: string; source: SourceRef | undefined; label: string } | undefined;
  if (config.python !== undefined) {
    const m = /^(\d+\.\d+)(?:\.\d+)?$/.exec(config.python);
    pin = {
      minor: m?.[1] ?? config.python,
      exact: m && config.python !== m[1] ? config.python : undefined,
      raw: config.python,
      source: at.find(['tool', 'pycrane', 'python']),
      label: '[tool.pycrane] python',
    };
    if (filePin && filePin.minor !== pin.minor) {
      issues.push({
        code: 'W_PYTHON_VERSION_OVERRIDDEN',
        severity: 'warning',
        message: `.python-version says ${filePin.raw} but [tool.pycrane] python = "${config.python}" wins`,
        source: filePin.source,
      });
    }
  } else if (filePin) {
    pin = { ...filePin, label: '.python-version' };
  }

  const allFacts = constraints.map((c) => c.fact);
  if (pin) allFacts.push(fact(pin.raw, pin.source));

  let selected: Fact<string>;
  if (pin) {
    const p = pin;
    const ok = (c: Constraint) => (p.exact ? satisfiesUnion(p.exact, c.union) : minorAdmits(p.minor, [c.union]));
    const conflict = constraints.find((c) => !ok(c));
    if (conflict || (!p.exact && !minorAdmits(p.minor, unions))) {
      const against = conflict ? describe(conflict) : constraints.map(describe).join(' and ');
      throw new UserError('E_PYTHON_PIN_CONFLICT', `${p.label} pins Python ${p.raw}, which does not satisfy ${against}`, {
        source: p.source,
        hint: `change ${p.label} or the constraint so they agree`,
      });
    }
    if (!supported.includes(p.minor)) {
      issues.push({
        code: 'W_PYTHON_UNSUPPORTED',
        severity: 'warning',
        message: `${p.label} pins Python ${p.minor}, outside the supported set (${supported.join(', ')})`,
        source: p.source,
      });
    }
    selected = fact(p.minor, p.source);
  } else {
    const minor = supported.find((m) => minorAdmits(m, unions));
    if (minor === undefined) {
      const blocking = constraints.find((c) => !supported.some((m) => minorAdmits(m, [c.union])));
      const what = blocking ? describe(blocking) : constraints.map(describe).join(' and ');
      throw new UserError('E_PYTHON_UNSATISFIABLE', `no supported Python satisfies ${what}; supported: ${supported.join(', ')}`, {
        source: (blocking ?? constraints[0])?.fact.source,
        hint: 'widen the constraint, or set [tool.pycrane] supported-pythons / python',
      });
    }
    if (constraints.length === 0) {
      issues.push({
        code: 'I_NO_PYTHON_CONSTRAINT',
        severity: 'info',
        message: `no Python constraint (requires-python or tool.poetry.dependencies.python): chose ${minor}, the highest supported`,
      });
    }
    // The constraint that capped the choice, else the first one.
    const capping = constraints.find((c) => !minorAdmits(supported[0] ?? minor, [c.union])) ?? constraints[0];
    selected = fact(minor, capping?.fact.source);
  }

  const image =
    config.baseImage !== undefined
      ? fact(config.baseImage, at.find(['tool', 'pycrane', 'base-image']))
      : fact(`python:${selected.value}-slim`, selected.source);
  return { constraints: allFacts, selected, supported, image };
}

