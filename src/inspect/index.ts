import { UserError } from '../core/errors.js';
import type { Issue } from '../core/issue.js';
import { fact, type SourceRef } from '../core/location.js';
import { isoDay, RELEASES_AS_OF } from '../core/python-releases.js';
import { forgivingReader, type FileReader } from '../core/reader.js';
import { detectLayout } from './layout.js';
import { detectManager } from './managers/detect.js';
import { inspectorFor } from './managers/index.js';
import type { InspectContext, ManagerReading, PyprojectSource } from './managers/types.js';
import { buildBackend } from './build-backends.js';
import { readMetadata } from './metadata.js';
import { pureSources } from './pure-python.js';
import type { ProjectFacts, PycraneConfig } from './model.js';
import { parsePycraneConfig } from './pyproject/config.js';
import { type PyprojectFacts, readPyproject } from './pyproject/project.js';
import { type PinInput, selectPython } from './python/select.js';
import { parsePythonVersion, parseRuntimeTxt, parseToolVersions, type PythonPin } from './python/python-version.js';
import { locateToml, type TomlPath } from './toml/locate.js';
import { isTable, parseToml } from './toml/parse.js';

export type { ProjectFacts } from './model.js';

export interface InspectOptions {
  /** Minors to choose from (overrides `[tool.pycrane] supported-pythons`). */
  readonly supportedPythons?: readonly string[];
  /** How to name the project folder in messages (`no Python project in DIR`). */
  readonly root?: string;
  /**
   * A lock that does not match its project: `error` (default) throws a UserError, `warn`
   * reports `lock.fresh: false` and a warning issue.
   */
  readonly staleLock?: 'error' | 'warn';
  /** Today (`YYYY-MM-DD`), for end-of-life warnings; defaults to the release table's date. */
  readonly today?: string | Date;
}

const PYPROJECT = 'pyproject.toml';
const PYCRANE_TOML = 'pycrane.toml';

/** Files that pin the Python, strongest first (after `[tool.pycrane] python`). */
const PIN_FILES: readonly (readonly [string, (text: string, file: string) => { pin: PythonPin | undefined; issues: Issue[] }])[] = [
  ['.python-version', parsePythonVersion],
  ['runtime.txt', parseRuntimeTxt],
  ['.tool-versions', parseToolVersions],
];

interface ConfigSource {
  readonly config: PycraneConfig;
  readonly file: 'pyproject.toml' | 'pycrane.toml';
  readonly ref: (key: string) => SourceRef | undefined;
  readonly issues: readonly Issue[];
}

/** `[tool.pycrane]` of pyproject.toml, else pycrane.toml (the same keys, at the top level). */
async function readConfig(reader: FileReader, pyproject: PyprojectSource | undefined): Promise<ConfigSource> {
  const tool = pyproject && isTable(pyproject.doc.tool) ? pyproject.doc.tool : {};
  const own = await reader.read(PYCRANE_TOML);
  if (pyproject && (tool.pycrane !== undefined || own === undefined)) {
    const parsed = parsePycraneConfig(tool.pycrane, pyproject.at, PYPROJECT);
    const issues = [...parsed.issues];
    if (own !== undefined && tool.pycrane !== undefined) {
      issues.push({ code: 'W_CONFIG_TWICE', severity: 'warning', message: 'both [tool.pycrane] in pyproject.toml and pycrane.toml: pycrane.toml is ignored', source: { file: PYCRANE_TOML, line: 1 } });
    }
    return { config: parsed.config, file: PYPROJECT, ref: (key) => pyproject.at.find(['tool', 'pycrane', key]), issues };
  }
  if (own === undefined) return { config: {}, file: PYPROJECT, ref: () => undefined, issues: [] };
  const doc = parseToml(own, PYCRANE_TOML);
  const at = locateToml(own, PYCRANE_TOML);
  const parsed = parsePycraneConfig(doc, at, PYCRANE_TOML, []);
  return { config: parsed.config, file: PYCRANE_TOML, ref: (key) => at.find([key] as TomlPath), issues: parsed.issues };
}

/**
 * Everything pycrane needs to know about a Python project, each fact with the file and
 * line it came from. Reads only through `reader`. Throws a UserError (with its location)
 * for what makes the project unusable: no project files at all, malformed TOML, a lock that
 * does not belong to its project, a Python no release satisfies (or Python 2 only), bad
 * `[tool.pycrane]` values.
 */
export async function inspectProject(projectReader: FileReader, options: InspectOptions = {}): Promise<ProjectFacts> {
  // Paths come from the project's own files (package includes, -r lines): one that no file can have
  // (a NUL byte, 5,000 characters) or that names a folder reads as absent, never as an internal error.
  const reader = forgivingReader(projectReader);
  const files: string[] = [];
  const issues: Issue[] = [];

  const text = await reader.read(PYPROJECT);
  const pyproject: PyprojectSource | undefined =
    text === undefined ? undefined : { text, doc: parseToml(text, PYPROJECT), at: locateToml(text, PYPROJECT) };
  if (pyproject) files.push(PYPROJECT);
  const configSource = await readConfig(reader, pyproject);
  if (configSource.file === PYCRANE_TOML) files.push(PYCRANE_TOML);
  const config = configSource.config;
  issues.push(...configSource.issues);

  const projectCache = new Map<string, PyprojectFacts>();
  const context: InspectContext = {
    reader,
    pyproject,
    config,
    configRef: configSource.ref,
    staleLock: options.staleLock ?? 'error',
    project(opts = {}) {
      if (!pyproject) return undefined;
      const key = opts.poetryVersion ?? '';
      let pp = projectCache.get(key);
      if (!pp) {
        pp = readPyproject(pyproject.doc, pyproject.at, opts.poetryVersion ? { poetryVersion: opts.poetryVersion } : {});
        projectCache.set(key, pp);
      }
      return pp;
    },
  };

  const detected = await detectManager(context, options.root ?? '.');
  issues.push(...detected.issues);
  const reading: ManagerReading = await inspectorFor(detected.manager.value).read(context);
  files.push(...reading.files);

  const pp = context.project(reading.poetry ? { poetryVersion: reading.poetry.version.value } : {});
  if (pp) issues.push(...pp.issues);
  const projectTable = isTable(pyproject?.doc.project) ? pyproject.doc.project : undefined;
  const dynamic = Array.isArray(projectTable?.dynamic) && projectTable.dynamic.includes('dependencies');
  const meta = await readMetadata(reader, pp, dynamic);
  files.push(...meta.files);
  issues.push(...meta.issues, ...reading.issues);

  const pins: PinInput[] = [];
  if (config.python !== undefined) {
    const m = /^(\d+\.\d+)(?:\.\d+)?$/.exec(config.python);
    pins.push({
      minor: m?.[1] ?? config.python,
      exact: m && config.python !== m[1] ? config.python : undefined,
      raw: config.python,
      label: configSource.file === PYPROJECT ? '[tool.pycrane] python' : 'pycrane.toml python',
      source: configSource.ref('python'),
    });
  }
  for (const [file, parse] of PIN_FILES) {
    const pinText = await reader.read(file);
    if (pinText === undefined) continue;
    files.push(file);
    const parsed = parse(pinText, file);
    issues.push(...parsed.issues);
    if (parsed.pin) pins.push({ ...parsed.pin, label: file });
  }
  pins.push(...(reading.pythonPins ?? []));
  const today = options.today === undefined ? RELEASES_AS_OF : typeof options.today === 'string' ? options.today : isoDay(options.today);
  const python = selectPython(meta.pythonConstraints, pins, {
    candidates: options.supportedPythons ?? config.supportedPythons,
    baseImage: config.baseImage !== undefined ? fact(config.baseImage, configSource.ref('base-image')) : undefined,
    today,
  }, issues);

  const layout = await detectLayout(reader, meta.packages, meta.name?.value);
  const isPackage =
    config.package !== undefined
      ? fact(config.package, configSource.ref('package'))
      : (reading.isPackage ??
        fact(
          meta.buildable && (meta.scripts.length > 0 || layout.kind === 'src' || (layout.kind === 'flat' && detected.manager.value === 'pep621')),
          meta.buildBackend?.source,
        ));
  if (isPackage.value && layout.kind === 'unknown' && meta.buildable) {
    issues.push({
      code: 'W_NO_PACKAGE_FOUND',
      severity: 'warning',
      message: `no import package found for ${meta.name?.value ?? 'the project'} (looked in src/ and at the root); the wheel may hold no code`,
      ...(meta.name?.source ? { source: meta.name.source } : {}),
    });
  }

  const backend = meta.buildBackend ? buildBackend(meta.buildBackend.value) : undefined;
  if (meta.buildBackend && (backend === undefined || backend.compiles)) {
    issues.push({
      code: backend ? 'I_BUILD_BACKEND_COMPILES' : 'I_BUILD_BACKEND_UNKNOWN',
      severity: 'info',
      message: backend
        ? `build backend ${meta.buildBackend.value} compiles the project: name its compilers and headers (a Rust toolchain for maturin, cmake for scikit-build-core, meson and ninja for meson-python) in [tool.pycrane.apt] build`
        : `build backend ${meta.buildBackend.value}: pip builds the project through PEP 517 as with any backend; if it compiles code, name the compilers and headers in [tool.pycrane.apt] build`,
      ...(meta.buildBackend.source ? { source: meta.buildBackend.source } : {}),
    });
  }
  // The web side (inspect/web/): the Python parser is loaded only here, when the project is read.
  const webReading = await (await import('./web/index.js')).readWeb({
    reader,
    config,
    configRef: configSource.ref,
    configLabel: configSource.file === PYPROJECT ? '[tool.pycrane]' : PYCRANE_TOML,
    groups: reading.groups ?? meta.groups,
    lock: reading.lock,
    requirements: reading.requirements,
    pyproject: pyproject?.doc,
  });
  issues.push(...webReading.issues);

  // init (strict) refuses what would make the generated build fail: a missing -r include, a
  // requirements loop, a setup.cfg setuptools cannot read, a missing constraints file, a
  // [tool.pycrane] app or celery naming a module that does not exist.
  if (context.staleLock === 'error') {
    const fatal = issues.find((i) => i.severity === 'error');
    if (fatal) {
      throw new UserError(fatal.code, fatal.message, { ...(fatal.source ? { source: fatal.source } : {}), hint: 'fix it, or run `pycrane check`, which reads the project leniently and lists every finding' });
    }
  }

  const pure = isPackage.value ? await pureSources(reader, pyproject?.doc, layout, (await reader.read('setup.py')) !== undefined) : undefined;

  return {
    files: [...new Set(files)],
    name: meta.name,
    version: meta.version,
    description: meta.description,
    license: meta.license,
    authors: meta.authors,
    manager: detected.manager,
    tool: reading.tool,
    poetry: reading.poetry,
    buildBackend: meta.buildBackend,
    requirements: reading.requirements,
    dynamicDependencies: meta.dynamicDependencies && !reading.lock,
    pureSources: pure,
    configFile: configSource.file,
    python,
    isPackage,
    layout,
    scripts: meta.scripts,
    groups: reading.groups ?? meta.groups,
    lock: reading.lock,
    indexes: reading.indexes ?? pp?.indexes ?? [],
    config,
    web: webReading.web,
    issues,
  };
}
